using System.Text;
using System.Text.Unicode;

namespace Geo.Core;

/// <summary>
/// Text inputs are UTF-8 (with or without BOM) unless a command is given <c>--encoding</c> (<see cref="EncodingNames"/>). Bytes
/// that are not UTF-8 (e.g. a Windows-1252 "£" from Excel) are an error naming the line, never silently replaced by U+FFFD.
/// </summary>
public static class TextFiles
{
    /// <summary>UTF-8 that throws <see cref="DecoderFallbackException"/> on invalid bytes instead of replacing them.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The values --encoding accepts: UTF-8 (the default) and the two encodings Excel's "CSV" saves in on Windows.</summary>
    public const string EncodingNames = "utf-8, windows-1252 (cp1252, Excel's \"CSV\" on Windows), latin1 (iso-8859-1)";

    /// <summary>The encoding for an --encoding value (null or empty = UTF-8); an unknown name is a usage error (exit 2).</summary>
    public static Encoding EncodingNamed(string? name)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case null or "" or "UTF-8" or "UTF8":
                return StrictUtf8;
            case "WINDOWS-1252" or "CP1252" or "1252":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            case "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1":
                return Encoding.Latin1;
            default:
                throw new UsageException($"--encoding '{name}' is not supported; use one of {EncodingNames}");
        }
    }

    /// <summary>True for UTF-8 (the encodings whose invalid bytes <see cref="FirstInvalidLine(string)"/> can find).</summary>
    public static bool IsUtf8(Encoding encoding) => encoding?.CodePage == Encoding.UTF8.CodePage;

    /// <summary>Reads a whole text file as strict UTF-8; <paramref name="displayPath"/> names it in errors.</summary>
    public static string ReadAllStrictUtf8(string path, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = File.ReadAllBytes(path);
        var line = FirstInvalidLine(bytes);
        if (line is not null)
        {
            throw NotUtf8(displayPath, line.Value, encodingOption: false);
        }
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        return Encoding.UTF8.GetString(span);
    }

    /// <summary>
    /// The error for a file with non-UTF-8 bytes on <paramref name="line"/> (1-based); <paramref name="encodingOption"/> says
    /// whether the command reading it takes --encoding (the CSV inputs do; scenarios and GeoJSON are UTF-8 only).
    /// </summary>
    public static InputFileException NotUtf8(string displayPath, int line, bool encodingOption = true) =>
        new(displayPath, line, null, encodingOption
            ? "this line is not valid UTF-8 (was the file saved by Excel as \"CSV\" / ANSI?); save it as \"CSV UTF-8\", or pass --encoding windows-1252"
            : "this line is not valid UTF-8 (was the file saved as ANSI/Windows-1252?); save it as UTF-8 and retry");

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
