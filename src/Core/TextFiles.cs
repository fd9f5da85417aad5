using System.Text;
using System.Text.Unicode;

namespace Geo.Core;

/// <summary>
/// Text inputs are UTF-8 (with or without BOM). Bytes that are not UTF-8 (e.g. a Windows-1252 "£" from Excel) are an
/// error naming the line, never silently replaced by U+FFFD.
/// </summary>
public static class TextFiles
{
    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on invalid bytes instead of replacing them.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole text file as strict UTF-8; <paramref name="displayPath"/> names it in errors.</summary>
    public static string ReadAllStrictUtf8(string path, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        var line = FirstInvalidLine(bytes);
        if (line is not null)
        {
            throw NotUtf8(displayPath, line.Value);
        }
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>The error for a file with non-UTF-8 bytes on <paramref name="line"/> (1-based).</summary>
    public static InputFileException NotUtf8(string displayPath, int line) =>
        new(displayPath, line, null, "this line is not valid UTF-8 (was the file saved as ANSI/Windows-1252?); save it as \"CSV UTF-8\" and retry");

    /// <summary>The first 1-based line (counting '\n') holding bytes that are not UTF-8; null when the whole file is valid.</summary>
    public static int? FirstInvalidLine(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var line = 1;
        while (true)
        {
            var end = bytes.IndexOf((byte)'\n');
            var current = end < 0 ? bytes : bytes[..end];
            if (!Utf8.IsValid(current))
            {
                return line;
            }
            if (end < 0)
            {
                return null;
            }
            bytes = bytes[(end + 1)..];
            line++;
        }
    }

    /// <summary>The first invalid line of the file at <paramref name="path"/>, read in full (called only after a decode failure).</summary>
    public static int FirstInvalidLine(string path) => FirstInvalidLine(File.ReadAllBytes(path)) ?? 1;
}
