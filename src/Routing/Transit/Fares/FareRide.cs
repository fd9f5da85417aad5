namespace Geo.Routing.Transit.Fares;

/// <summary>A ride to be priced: agency id (without feed prefix), GTFS route_type, boarding time and straight-line km along its stops.</summary>
public readonly record struct FareRide(string AgencyId, int RouteType, int BoardSeconds, double Kilometres);
