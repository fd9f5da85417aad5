namespace Geo.Samples.National;

/// <summary>Options of <see cref="NationalGenerator"/>.</summary>
public sealed record NationalOptions
{
    /// <summary>Centroids: a BNG point shapefile (.shp) or a CSV with LSOA21CD, easting, northing.</summary>
    public required string CentroidsPath { get; init; }

    public required string OutFolder { get; init; }

    /// <summary>Fraction (0, 1] of the centroids to keep: those nearest <see cref="CentreEastingNorthing"/>.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Where a partial region is centred (BNG metres). Default: Birmingham.</summary>
    public (double Easting, double Northing) CentreEastingNorthing { get; init; } = (407_000, 287_000);

    public int Seed { get; init; } = 42;

    /// <summary>Hospitals: the centres of this many largest towns (at least 3).</summary>
    public int Hospitals { get; init; } = 200;

    /// <summary>Write the GTFS feed too (the largest file at national size).</summary>
    public bool Gtfs { get; init; } = true;

    public string Name { get; init; } = "National synthetic region";
}
