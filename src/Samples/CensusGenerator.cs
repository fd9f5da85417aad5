namespace Geo.Samples;

/// <summary>
/// Gives each sample zone plausible census counts: more ethnic diversity in Harrowby's deprived wards and the towns than in
/// the villages, more disability where people are older and poorer, a slight female majority, and households without a car
/// following the zone's car-access share. Ethnic groups and sexes add up to the zone's population.
/// </summary>
internal static class CensusGenerator
{
    public static IReadOnlyList<SampleCensus> Generate(IReadOnlyList<SampleZone> zones, SampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(random);
        var result = new List<SampleCensus>(zones.Count);
        foreach (var z in zones)
        {
            var urban = z.RuralUrban.StartsWith("Urban", StringComparison.Ordinal);
            var asianShare = (z.ImdDecile <= 3 ? 0.14 : urban ? 0.06 : 0.012) * random.Range(0.7, 1.3);
            var blackShare = asianShare * random.Range(0.3, 0.6);
            var mixedShare = (urban ? 0.03 : 0.015) * random.Range(0.7, 1.3);
            var otherShare = (urban ? 0.012 : 0.005) * random.Range(0.7, 1.3);
            var asian = Count(z.Population, asianShare);
            var black = Count(z.Population, blackShare);
            var mixed = Count(z.Population, mixedShare);
            var other = Count(z.Population, otherShare);
            var white = z.Population - asian - black - mixed - other;

            var olderShare = (double)z.Age65Plus / z.Population;
            var disabled = Count(z.Population, 0.09 + 0.25 * olderShare + 0.008 * (10 - z.ImdDecile) + random.Range(-0.01, 0.01));
            var female = Count(z.Population, random.Range(0.50, 0.53));

            var households = Count(z.Population, 1 / random.Range(2.2, 2.5));
            var noCar = Count(households, 1 - z.CarAccessShare);
            result.Add(new SampleCensus(z.ZoneId, white, asian, black, mixed, other, disabled, female, z.Population - female, noCar, households - noCar));
        }
        return result;
    }

    private static int Count(int total, double share) => (int)Math.Round(total * share, MidpointRounding.AwayFromZero);
}
