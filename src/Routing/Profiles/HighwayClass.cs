namespace Geo.Routing.Profiles;

/// <summary>The OSM highway=* values the street network routes on. Stored as a byte in network files: append only.</summary>
public enum HighwayClass : byte
{
    Motorway,
    MotorwayLink,
    Trunk,
    TrunkLink,
    Primary,
    PrimaryLink,
    Secondary,
    SecondaryLink,
    Tertiary,
    TertiaryLink,
    Unclassified,
    Residential,
    LivingStreet,
    Service,
    Track,
    Path,
    Footway,
    Cycleway,
    Bridleway,
    Steps,
    Pedestrian,
}
