using System.Buffers.Text;
using System.Globalization;

namespace Geo.Routing.Output;

/// <summary>
/// Writes <c>Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture)</c> as UTF-8, byte for byte, without
/// making a string. Math.Round(x, d) is Round(x * 10^d) / 10^d in .NET, so for a non-negative value below 2^53 / 10^d the
/// rounded double is the nearest one to the decimal k / 10^d, whose shortest round-trip form is that decimal without
/// trailing zeros: written here from the integer k. Anything else (negative, huge, more decimals) goes through the
/// runtime's own formatter.
/// </summary>
public static class MatrixNumberFormat
{
    private static readonly double[] Power10 = [1, 10, 100, 1000];
    private static readonly long[] Power10Long = [1, 10, 100, 1000];
    private const double Largest = 1L << 50;

    /// <summary>Writes the value into <paramref name="destination"/> (at least 32 bytes); returns the bytes written.</summary>
    public static int Write(double value, int decimals, Span<byte> destination)
    {
        if (decimals is >= 0 and <= 3 && value >= 0 && value < Largest && !double.IsNegative(value))
        {
            var k = Math.Round(value * Power10[decimals]);
            var rounded = k / Power10[decimals];
            if (rounded < Largest / 1000)
            {
                var units = (long)k;
                var whole = units / Power10Long[decimals];
                var fraction = units - (whole * Power10Long[decimals]);
                Utf8Formatter.TryFormat(whole, destination, out var written);
                if (fraction == 0)
                {
                    return written;
                }
                var digits = decimals;
                while (fraction % 10 == 0)
                {
                    fraction /= 10;
                    digits--;
                }
                destination[written++] = (byte)'.';
                for (var i = digits - 1; i >= 0; i--)
                {
                    destination[written + i] = (byte)('0' + (fraction % 10));
                    fraction /= 10;
                }
                return written + digits;
            }
        }
        if (!Math.Round(value, decimals).TryFormat(destination, out var count, default, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException("The destination is too small.", nameof(destination));
        }
        return count;
    }
}
