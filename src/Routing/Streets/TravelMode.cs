namespace Geo.Routing.Streets;

/// <summary>A street travel mode; each has its own graph (access, oneway, speeds).</summary>
public enum TravelMode
{
    Car,
    Walk,
    Cycle,
}
