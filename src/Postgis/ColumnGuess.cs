using System.Globalization;

namespace Geo.Postgis;

/// <summary>
/// Infers a column's type from its values, one value at a time (so a big matrix is never held in memory): bigint when every
/// non-empty value is an integer written plainly, double precision when every one is a finite number, text otherwise. Ids
/// (<see cref="IsIdName"/>), JSON strings and numbers with leading zeros ("007") stay text so no code loses its zeros.
/// </summary>
public struct ColumnGuess
{
    private bool _sawValue;
    private bool _notBigint;
    private bool _notDouble;

    public ColumnGuess(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _notBigint = _notDouble = IsIdName(name);
    }

    /// <summary>Column names that hold codes, whatever their values look like: zone_id, site_id, LSOA21CD, code.</summary>
    public static bool IsIdName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.ToLowerInvariant();
        return n is "id" or "code" or "fid" || n.EndsWith("_id", StringComparison.Ordinal) || n.EndsWith("cd", StringComparison.Ordinal)
            || n.EndsWith("_code", StringComparison.Ordinal);
    }

    /// <summary>Takes one value; <paramref name="isString"/> is true for a JSON string (text, whatever it spells, even "").</summary>
    public void Add(string? value, bool isString = false)
    {
        if (isString)
        {
            _notBigint = _notDouble = true;
            return;
        }
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        _sawValue = true;
        if (HasLeadingZero(value))
        {
            _notBigint = _notDouble = true;
            return;
        }
        _notBigint |= !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        _notDouble |= !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d));
    }

    /// <summary>The type for the values seen; a column with no values at all (every row empty, e.g. a cost not computed) is a number column of NULLs unless it is an id.</summary>
    public readonly ColumnType Type => _notDouble ? ColumnType.Text : _sawValue && !_notBigint ? ColumnType.Bigint : ColumnType.Double;

    private static bool HasLeadingZero(string value)
    {
        var digits = value.AsSpan().TrimStart('-');
        return digits.Length > 1 && digits[0] == '0' && char.IsAsciiDigit(digits[1]);
    }
}
