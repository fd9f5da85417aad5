using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Postgis;

/// <summary>Writes one attribute value of a row into a binary COPY as its column's type (empty or missing = NULL).</summary>
internal static class ValueWriter
{
    public static void Write(NpgsqlBinaryImporter importer, ColumnType type, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            importer.WriteNull();
            return;
        }
        switch (type)
        {
            case ColumnType.Bigint:
                importer.Write(long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                break;
            case ColumnType.Double:
                importer.Write(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                break;
            default:
                importer.Write(value, NpgsqlDbType.Text);
                break;
        }
    }
}
