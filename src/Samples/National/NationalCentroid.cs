namespace Geo.Samples.National;

/// <summary>An LSOA population-weighted centroid: code and British National Grid metres.</summary>
internal readonly record struct NationalCentroid(string Code, double Easting, double Northing);
