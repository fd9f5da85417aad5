namespace Geo.Routing.Transit.Raptor;

public enum JourneyLegKind
{
    Access,
    Ride,
    Transfer,
}
