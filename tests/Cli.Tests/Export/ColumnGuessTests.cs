using Geo.Postgis;
using NUnit.Framework;

namespace Geo.Cli.Tests.Export;

[TestFixture]
public sealed class ColumnGuessTests
{
    [TestCase("population", new[] { "1849", "", "-3" }, ColumnType.Bigint)]
    [TestCase("minutes", new[] { "5.1025", "16", "" }, ColumnType.Double)]
    [TestCase("minutes", new[] { "", "" }, ColumnType.Double)]
    [TestCase("status", new[] { "ok", "no_route" }, ColumnType.Text)]
    [TestCase("ward_code", new[] { "007", "012" }, ColumnType.Text)]
    [TestCase("code_number", new[] { "007", "12" }, ColumnType.Text)]
    [TestCase("origin_id", new[] { "1", "2" }, ColumnType.Text)]
    [TestCase("LSOA21CD", new[] { "1", "2" }, ColumnType.Text)]
    [TestCase("km", new[] { "0", "0.5", "-0.25" }, ColumnType.Double)]
    [TestCase("x", new[] { "1", "NaN" }, ColumnType.Text)]
    public void Type_Values_IsInferred(string name, string[] values, ColumnType expected)
    {
        var guess = new ColumnGuess(name);
        foreach (var value in values)
        {
            guess.Add(value);
        }
        Assert.That(guess.Type, Is.EqualTo(expected));
    }

    [Test]
    public void Type_JsonString_IsTextEvenWhenNumeric()
    {
        var guess = new ColumnGuess("imd_decile");
        guess.Add("6", isString: true);
        guess.Add("7");
        Assert.That(guess.Type, Is.EqualTo(ColumnType.Text));
    }

    [Test]
    public void ColumnNames_Header_LowerCaseUnderscoresAndUnique() =>
        Assert.That(ColumnNames.FromHeader(["Zone ID", "MF50-84", "mf50_84", "geom"]), Is.EqualTo(new[] { "zone_id", "mf50_84", "mf50_84_2", "geom_2" }));
}
