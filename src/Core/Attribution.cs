namespace Geo.Core;

/// <summary>
/// Attribution and licence statements, one definition for the report, summary.json, every static map and the viewer.
/// OpenStreetMap data is under the ODbL, which requires the credit wherever the data (or a map drawn from it) is shown.
/// </summary>
public static class Attribution
{
    public const string OpenStreetMap = "© OpenStreetMap contributors (ODbL)";

    public const string Ons =
        "Contains Office for National Statistics data licensed under the Open Government Licence v3.0; contains OS data © Crown copyright and database right";

    public const string Mhclg =
        "English indices of deprivation: Ministry of Housing, Communities and Local Government, licensed under the Open Government Licence v3.0";

    /// <summary>The short form drawn on static maps (one line).</summary>
    public const string MapLine = OpenStreetMap + " · ONS/MHCLG data: Open Government Licence v3.0";
}
