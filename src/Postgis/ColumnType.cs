namespace Geo.Postgis;

/// <summary>The PostgreSQL type of an exported attribute column, chosen from the values it holds (<see cref="ColumnGuess"/>).</summary>
public enum ColumnType
{
    Text,
    Bigint,
    Double,
}
