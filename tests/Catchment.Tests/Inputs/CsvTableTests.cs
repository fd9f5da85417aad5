using System.Text;
using Geo.Catchment.Inputs;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

[TestFixture]
public sealed class CsvTableTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private string Write(string text, bool bom = false)
    {
        var path = Path.Combine(_folder, "t.csv");
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    [Test]
    public void Read_QuotesDoubledQuotesAndLineBreaks_KeepsFieldsAndStartingLines()
    {
        var path = Write("id,name,value\r\nA,\"Smith, \"\"Jo\"\"\",1\r\nB,\"two\nlines\",2\r\nC,plain,3\r\n", bom: true);
        var table = CsvTable.Read(path, requireSameWidth: true);
        Assert.That(table.Header, Is.EqualTo(new[] { "id", "name", "value" }));
        Assert.That(table.Count, Is.EqualTo(3));
        Assert.That(table.Cell(0, 1), Is.EqualTo("Smith, \"Jo\""));
        Assert.That(table.Cell(1, 1), Is.EqualTo("two\nlines"));
        Assert.That(table.Lines, Is.EqualTo(new[] { 2, 3, 5 }));
    }

    [Test]
    public void Read_SemicolonHeaderAndBlankRows_DetectsSeparatorAndSkipsBlankRows()
    {
        var path = Write("zone;lon;lat\nA; -4.21;50.7\n;;\n\nB;-3.5 ;50.1\n");
        var table = CsvTable.Read(path, requireSameWidth: true);
        Assert.That(table.Count, Is.EqualTo(2));
        Assert.That(table.NumberOrNaN(0, 1), Is.EqualTo(-4.21));
        Assert.That(table.Number(1, 1), Is.EqualTo(-3.5));
        Assert.That(table.Lines, Is.EqualTo(new[] { 2, 5 }));
    }

    [Test]
    public void Read_DevonBlankCommaRows_Skipped()
    {
        var path = Write("a,b,c,d\n1,2,3,4\n,,,\n5,6,7,8\n,,,\n");
        var table = CsvTable.Read(path, requireSameWidth: true);
        Assert.That(table.Count, Is.EqualTo(2));
        Assert.That(table.Lines, Is.EqualTo(new[] { 2, 4 }));
    }

    [Test]
    public void Read_RowWidthDiffersWhenRequired_ThrowsWithLine()
    {
        var path = Write("a,b\n1,2\n3\n");
        Assert.That(CsvTable.Read(path).Count, Is.EqualTo(2));
        var error = Assert.Throws<InputFileException>(() => CsvTable.Read(path, requireSameWidth: true));
        Assert.That(error!.Line, Is.EqualTo(3));
    }

    [Test]
    public void Read_UnclosedQuote_ThrowsWithStartingLine()
    {
        var path = Write("a,b\n1,2\n3,\"open\n4,5\n");
        var error = Assert.Throws<InputFileException>(() => CsvTable.Read(path));
        Assert.That(error!.Line, Is.EqualTo(3));
    }

    [Test]
    public void NumberOrNaN_EmptyAndBad_NaNOrThrowsNamingLineAndColumn()
    {
        var path = Write("id,x\nA,\nB,abc\n");
        var table = CsvTable.Read(path);
        Assert.That(table.NumberOrNaN(0, 1), Is.NaN);
        Assert.Throws<InputFileException>(() => table.Number(0, 1));
        var error = Assert.Throws<InputFileException>(() => table.NumberOrNaN(1, 1));
        Assert.That((error!.Line, error.Field), Is.EqualTo(((int?)3, "x")));
        Assert.That(table.IsNumeric(1), Is.False);
    }

    [Test]
    public void FindAny_ExactThenLoose_AndRequireAnyListsColumns()
    {
        var path = Write("Zone ID,site_id,capacity\nA,S,1\n");
        var table = CsvTable.Read(path);
        Assert.That(table.FindAny("zoneid", "nothing"), Is.EqualTo(0));
        Assert.That(table.FindAny("SITE ID"), Is.EqualTo(1));
        Assert.That(table.FindAny("missing"), Is.EqualTo(-1));
        Assert.That(table.RequireAny("capacity", null, "cap", "capacity"), Is.EqualTo(2));
        Assert.That(table.IsNumeric(2), Is.True);
        var error = Assert.Throws<InputFileException>(() => table.RequireAny("site", "Facility_Name"));
        Assert.That(error!.Message, Does.Contain("Zone ID, site_id, capacity"));
    }

    [Test]
    public void Stream_BigFile_VisitsRecordsInOrder()
    {
        var text = new StringBuilder("o,d,minutes\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append('o').Append(i % 50).Append(",d").Append(i / 50).Append(',').Append(i).Append('\n');
        }
        var path = Write(text.ToString());
        var count = 0;
        var lastLine = 0;
        CsvTable.Stream(path, (line, _) =>
        {
            Assert.That(line, Is.GreaterThan(lastLine));
            lastLine = line;
            count++;
        });
        Assert.That((count, lastLine), Is.EqualTo((5001, 5001)));
    }

    [Test]
    public void Stream_TextReaderWithBomQuotesAndBlankRows_GivesFieldsAndStartingLines()
    {
        var records = new List<(int Line, string[] Fields)>();
        CsvTable.Stream(new StringReader("\uFEFFa,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\r\n,\r\n1,2"), ',', "mem", (line, fields) => records.Add((line, fields.ToArray())));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 5 }));
        Assert.That(records[0].Fields, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "x\ny", "say \"hi\"" }));
        Assert.That(records[2].Fields, Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void Stream_TextReaderUnclosedQuote_ThrowsNamingSourceAndLine()
    {
        var error = Assert.Throws<InputFileException>(() => CsvTable.Stream(new StringReader("a;b\n1;\"2\n"), ';', "mem.csv", (_, _) => { }));
        Assert.That((error!.File, error.Line), Is.EqualTo(("mem.csv", (int?)2)));
    }
}
