namespace Geo.Samples;

/// <summary>
/// Synthetic census counts for one zone, shaped like the Census 2021 tables TS021 (ethnic group, five high-level groups),
/// TS038 (disability under the Equality Act), TS008 (sex) and TS045 (car or van availability, households).
/// </summary>
internal sealed record SampleCensus(
    string ZoneId,
    int White,
    int Asian,
    int Black,
    int Mixed,
    int OtherEthnicity,
    int Disabled,
    int Female,
    int Male,
    int HouseholdsNoCar,
    int HouseholdsWithCar);
