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
            // below a billion the rounded value is far below the limit: no division to check it
            if (value < 1e9 || k / Power10[decimals] < Largest / 1000)
            {
                var units = (long)k;
                // constant divisors: the compiler turns them into multiplications (a matrix writes tens of millions)
                var whole = decimals switch
                {
                    0 => units,
                    1 => units / 10,
                    2 => units / 100,
                    _ => units / 1000,
                };
                var fraction = units - (whole * Power10Long[decimals]);
                var written = WriteWhole(whole, destination);
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

    /// <summary>A non-negative whole number's digits: one or two written directly (most minutes and counts), more by the runtime.</summary>
    private static int WriteWhole(long whole, Span<byte> destination)
    {
        if (whole < 10)
        {
            destination[0] = (byte)('0' + whole);
            return 1;
        }
        if (whole < 100)
        {
            destination[0] = (byte)('0' + (whole / 10));
            destination[1] = (byte)('0' + (whole % 10));
            return 2;
        }
        Utf8Formatter.TryFormat(whole, destination, out var written);
        return written;
    }
}
