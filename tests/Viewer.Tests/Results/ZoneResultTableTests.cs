using Geo.Viewer.Results;

namespace Geo.Viewer.Tests.Results;

[TestFixture]
public sealed class ZoneResultTableTests
{
    [Test]
    public void Parse_QuotedFieldsAndEmptyCells_KeepsMissingAsNaN()
    {
        const string csv = "option_id,mode,service,zone_id,site_id,minutes,change_minutes,status\r\n"
            + "A,car,outpatients,Z1,\"H1, main\",12.5,-3,ok\r\n"
            + "A,car,outpatients,Z2,,,,unreachable\r\n"
            + "B,walk,outpatients,Z1,H2,40,\"\",ok\n";
        var t = ZoneResultTable.Parse(new StringReader(csv));
        Assert.That(t.Options, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(t.Modes, Is.EqualTo(new[] { "car", "walk" }));
        Assert.That(t.TryGet("A", "car", "outpatients", out var a), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(a.Count, Is.EqualTo(2));
            Assert.That(a.SiteIds[0], Is.EqualTo("H1, main"));
            Assert.That(a.Minutes[0], Is.EqualTo(12.5));
            Assert.That(a.ChangeMinutes[0], Is.EqualTo(-3));
            Assert.That(double.IsNaN(a.Minutes[1]), Is.True);
            Assert.That(a.SiteIds[1], Is.Null);
            Assert.That(a.Statuses[1], Is.EqualTo("unreachable"));
            Assert.That(t.TryGet("B", "car", "outpatients", out _), Is.False);
        });
    }

    [Test]
    public void Parse_MissingColumn_NamesIt()
    {
        var ex = Assert.Throws<FormatException>(() => ZoneResultTable.Parse(new StringReader("option_id,mode,service,zone_id\nA,car,x,Z1\n")));
        Assert.That(ex!.Message, Is.EqualTo("line 1: missing column 'minutes'"));
    }

    [Test]
    public void Parse_ShortRowAndUnterminatedQuote_NameLine()
    {
        var ex = Assert.Throws<FormatException>(() => ZoneResultTable.Parse(new StringReader("option_id,mode,service,zone_id,minutes\nA,car,x,Z1,3\nA,car\n")));
        Assert.That(ex!.Message, Does.StartWith("line 3:"));
        ex = Assert.Throws<FormatException>(() => ZoneResultTable.Parse(new StringReader("option_id,mode,service,zone_id,minutes\nA,car,x,\"Z1,3\n")));
        Assert.That(ex!.Message, Does.Contain("line 2: unterminated"));
    }

    [Test]
    public void Parse_Infinity_Refused()
    {
        var ex = Assert.Throws<FormatException>(() => ZoneResultTable.Parse(new StringReader("option_id,mode,service,zone_id,minutes\nA,car,x,Z1,Infinity\n")));
        Assert.That(ex!.Message, Is.EqualTo("line 2, field minutes: 'Infinity' is not a number"));
    }
}
