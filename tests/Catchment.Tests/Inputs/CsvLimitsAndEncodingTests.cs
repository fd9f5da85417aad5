using System.Text;
using Geo.Core;
using NUnit.Framework;

namespace Geo.Catchment.Tests.Inputs;

/// <summary>The stated CSV limits (<see cref="InputLimits"/>) and --encoding.</summary>
[TestFixture]
public sealed class CsvLimitsAndEncodingTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _folder = Path.Combine(Path.GetTempPath(), "geo-csvlimits-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private static int Records(string text, long maxRows)
    {
        var n = 0;
        CsvTable.Stream(new StringReader(text), ',', "t.csv", (_, _) => n++, maxRows);
        return n;
    }

    [Test]
    public void Stream_RowLimit_HeaderPlusMaxRowsPass_OneMoreIsAnErrorNamingTheLimitAndLine()
    {
        Assert.That(Records("id\n1\n2\n3\n", maxRows: 3), Is.EqualTo(4));
        var ex = Assert.Throws<InputFileException>(() => Records("id\n1\n2\n3\n4\n", maxRows: 3))!;
        Assert.That(ex.Line, Is.EqualTo(5));
        Assert.That(ex.Message, Does.Contain("more than 3 rows").And.Contain("Limits"));
    }

    [Test]
    public void Stream_FieldAtTheLimitPasses_OneCharacterMoreIsAnError()
    {
        var ok = "id,name\n1," + new string('a', InputLimits.MaxCsvFieldChars) + "\n";
        Assert.That(Records(ok, InputLimits.MaxCsvRows), Is.EqualTo(2));
        var ex = Assert.Throws<InputFileException>(() => Records("id,name\n1,\"" + new string('a', InputLimits.MaxCsvFieldChars + 1) + "\"\n", InputLimits.MaxCsvRows))!;
        Assert.That(ex.Line, Is.EqualTo(2));
        Assert.That(ex.Message, Does.Contain("field 2").And.Contain("65,536"));
    }

    [Test]
    public void Stream_ColumnsAtTheLimitPass_OneMoreIsAnError()
    {
        var header = string.Join(',', Enumerable.Repeat("c", InputLimits.MaxCsvColumns));
        Assert.That(Records(header + "\n", InputLimits.MaxCsvRows), Is.EqualTo(1));
        var ex = Assert.Throws<InputFileException>(() => Records(header + ",c\n", InputLimits.MaxCsvRows))!;
        Assert.That(ex.Line, Is.EqualTo(1));
        Assert.That(ex.Message, Does.Contain("100,000"));
    }

    [Test]
    public void Limits_HoldNationalMatrices()
    {
        const long lsoas = 35_672, gpPractices = 6_600;
        Assert.That(lsoas * gpPractices, Is.LessThan(InputLimits.MaxCsvRows), "an LSOA x GP-practice long matrix");
        Assert.That(lsoas * gpPractices * 64, Is.LessThan(InputLimits.MaxCsvFileBytes), "at about 64 bytes a row");
        Assert.That(lsoas + 1, Is.LessThan(InputLimits.MaxCsvColumns), "a wide matrix with a column per LSOA");
    }

    [Test]
    public void Read_Windows1252AndLatin1_DecodeExcelBytes_Utf8DefaultNamesTheLineAndSuggestsTheOption()
    {
        var path = Path.Combine(_folder, "excel.csv");
        File.WriteAllBytes(path, [.. "id,name\n1,caf"u8, 0xE9, .. "\n2,"u8, 0xA3, 0x80, .. "\n"u8]);

        var cp1252 = CsvTable.Read(path, input: InputOptions.For("windows-1252", strict: true));
        var latin1 = CsvTable.Read(path, input: InputOptions.For("latin1", strict: true));
        var ex = Assert.Throws<InputFileException>(() => CsvTable.Read(path))!;

        Assert.Multiple(() =>
        {
            Assert.That(cp1252.Cell(0, 1), Is.EqualTo("café"));
            Assert.That(cp1252.Cell(1, 1), Is.EqualTo("£€"));
            Assert.That(latin1.Cell(1, 1), Is.EqualTo("£\u0080"), "ISO-8859-1 has no euro sign: 0x80 is a control character");
            Assert.That(ex.Line, Is.EqualTo(2));
            Assert.That(ex.Message, Does.Contain("UTF-8").And.Contain("--encoding windows-1252"));
        });
    }

    [Test]
    public void EncodingNamed_KnowsTheExcelEncodings_AndRefusesOthersAsAUsageError()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TextFiles.EncodingNamed(null).CodePage, Is.EqualTo(65001));
            Assert.That(TextFiles.EncodingNamed("UTF-8").CodePage, Is.EqualTo(65001));
            Assert.That(TextFiles.EncodingNamed("cp1252").CodePage, Is.EqualTo(1252));
            Assert.That(TextFiles.EncodingNamed("ISO-8859-1").CodePage, Is.EqualTo(28591));
            Assert.That(() => TextFiles.EncodingNamed("ebcdic"), Throws.TypeOf<UsageException>().With.Message.Contain("windows-1252"));
        });
    }

    [Test]
    public void Read_WrongFieldCount_LenientSkipsAndLogsTheRow_StrictNamesIt()
    {
        var path = Path.Combine(_folder, "w.csv");
        File.WriteAllText(path, "id,name\n1,a\n2,b,extra\n3,c\n", Encoding.UTF8);
        var lenient = InputOptions.For(null, strict: false);

        var table = CsvTable.Read(path, requireSameWidth: true, lenient);
        var ex = Assert.Throws<InputFileException>(() => CsvTable.Read(path, requireSameWidth: true))!;

        Assert.Multiple(() =>
        {
            Assert.That(table.Lines, Is.EqualTo(new[] { 2, 4 }));
            Assert.That(lenient.Issues.Issues.Single().IssueCode, Is.EqualTo(IssueCode.WrongFieldCount));
            Assert.That(lenient.Issues.Issues.Single().Line, Is.EqualTo(3));
            Assert.That(ex.Line, Is.EqualTo(3));
        });
    }
}
