namespace Geo.Routing.Output;

/// <summary>An extra per-pair column of a matrix file (e.g. p25, interchanges, fare): row-major values, NaN = empty.</summary>
public sealed record MatrixColumn(string Name, double[] Values, int Decimals = 2);
