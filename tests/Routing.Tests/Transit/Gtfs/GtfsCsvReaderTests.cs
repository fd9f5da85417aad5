using System.Text;
using Geo.Routing.Transit.Gtfs;
using NUnit.Framework;

namespace Geo.Routing.Tests.Transit.Gtfs;

/// <summary>
/// The streamed GTFS CSV reader against the whole-text reader it replaced (<see cref="WholeTextCsvReader"/>, kept
/// verbatim): same header, rows, fields and line numbers for every text, with buffers small enough that every quote,
/// CR/LF pair, BOM and quoted newline falls across a buffer edge.
/// </summary>
[TestFixture]
public sealed class GtfsCsvReaderTests
{
    private static readonly int[] BufferSizes = [1, 2, 3, 4, 5, 7, 8, 13, 64, GtfsCsvReader.DefaultBufferChars];

    private static readonly string[] Texts =
    [
        "",
        "a,b",
        "a,b\n",
        "\uFEFFstop_id,stop_name\nS1,One\r\nS2,\"Two, with comma\"\r\n",
        "h1,h2\r\n1,2\r\n\r\n3,4\r\n",
        "h1,h2\r1,2\r3,4",
        "h1,h2\n\"multi\nline\",x\n\"crlf\r\ninside\",y\nlast,z\n",
        "h1,h2\n  \"spaced quote\"  ,b\n \t trimmed\t ,  c  \n",
        "h1,h2\n\"doubled \"\"quotes\"\"\",\"\"\"\"\n\"\",end\n",
        "h1,h2\n\"closed\"junk after,b\n",
        "h1,h2\na,\n,\n,,\n",
        "h1,h2\n\"unterminated,quote\nrunning to the end",
        " h1 , \"h2\" ,\uFEFFh3\nx,y,z\n",
        "h1\n\n\n\nrow after blanks\n",
        "h1,h2\n\"a\rb\",c\r\n\"\r\",d\n",
        "name\ncafé,naïve,😀 emoji\n\"😀\"\n",
    ];

    private static List<string> Rows(WholeTextCsvReader r)
    {
        var rows = new List<string> { $"header {r.HeaderLine}: " + string.Join("|", r.Columns.OrderBy(c => c.Value).Select(c => $"{c.Key}={c.Value}")) };
        while (r.ReadRow())
        {
            var fields = Enumerable.Range(0, r.FieldCount).Select(i => r[i]);
            rows.Add($"{r.LineNumber}: [{r.FieldCount}] " + string.Join("|", fields));
        }
        return rows;
    }

    private static List<string> Rows(GtfsCsvReader r, IReadOnlyDictionary<string, int> expectedColumns)
    {
        var columns = expectedColumns.Keys.Where(k => r.Column(k) >= 0).Select(k => (Key: k, Value: r.Column(k)));
        var rows = new List<string> { $"header {r.HeaderLine}: " + string.Join("|", columns.OrderBy(c => c.Value).Select(c => $"{c.Key}={c.Value}")) };
        while (r.ReadRow())
        {
            var fields = Enumerable.Range(0, r.FieldCount).Select(i => r[i]);
            Assert.That(Enumerable.Range(0, r.FieldCount).All(i => r.Span(i).SequenceEqual(r[i])), "Span and indexer agree");
            rows.Add($"{r.LineNumber}: [{r.FieldCount}] " + string.Join("|", fields));
        }
        return rows;
    }

    private static void AssertSameAsWholeText(string text, int bufferChars)
    {
        var reference = new WholeTextCsvReader("t.txt", text);
        var expectedColumns = reference.Columns;
        var expected = Rows(reference);
        using var streamed = new GtfsCsvReader("t.txt", new StringReader(text), bufferChars);
        Assert.That(Rows(streamed, expectedColumns), Is.EqualTo(expected), $"buffer {bufferChars}, text {Escape(text)}");
    }

    private static string Escape(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\uFEFF", "<BOM>", StringComparison.Ordinal);

    [Test]
    public void ReadRow_EdgeCaseTexts_SameAsWholeTextReaderForEveryBufferSize()
    {
        foreach (var text in Texts)
        {
            foreach (var size in BufferSizes)
            {
                AssertSameAsWholeText(text, size);
            }
        }
    }

    [Test]
    public void ReadRow_RandomTexts_SameAsWholeTextReaderForSmallBuffers()
    {
        // every character that matters to the grammar, fixed seed
        const string alphabet = "ab ,,\"\"\n\r\t\uFEFFé";
        var random = new Random(20261201);
        for (var c = 0; c < 3000; c++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            var text = "h1,h2\n" + new string(chars);
            foreach (var size in (int[])[1, 2, 3, 5, 8])
            {
                AssertSameAsWholeText(text, size);
            }
        }
    }

    [Test]
    public void LineNumber_AfterQuotedNewlines_CountsEveryPhysicalLine()
    {
        var text = "id,note\n1,\"two\nlines\"\n2,\"three\r\nlines\nhere\"\n3,plain\n";
        foreach (var size in BufferSizes)
        {
            using var r = new GtfsCsvReader("t.txt", new StringReader(text), size);
            var lines = new List<int>();
            while (r.ReadRow())
            {
                lines.Add(r.LineNumber);
            }
            Assert.That(lines, Is.EqualTo(new[] { 2, 4, 7 }), $"buffer {size}");
        }
    }

    [Test]
    public void FromStream_Utf8WithBom_SameAsWholeText()
    {
        var text = "stop_id,stop_name\nS1,\"Caf\u00e9, \"\"Quay\"\"\"\r\nS2,Ryde\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var reference = new WholeTextCsvReader("t.txt", text);
        var expectedColumns = reference.Columns;
        var expected = Rows(reference);
        using var streamed = GtfsCsvReader.FromStream("t.txt", new MemoryStream(bytes));
        Assert.That(streamed.Column("stop_id"), Is.Zero, "the BOM is not part of the first column's name");
        Assert.That(Rows(streamed, expectedColumns), Is.EqualTo(expected));
    }

    [Test]
    public void Span_AbsentColumnOrShortRow_IsEmpty()
    {
        using var r = new GtfsCsvReader("t.txt", new StringReader("a,b,c\n1\n"));
        Assert.That(r.ReadRow(), Is.True);
        Assert.That(r.Span(2).IsEmpty && r.Span(-1).IsEmpty && r[2] == "", Is.True);
        Assert.That(r[0], Is.EqualTo("1"));
    }
}
