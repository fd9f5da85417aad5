namespace Geo.Routing.Contraction;

/// <summary>A shortcut From→To standing for From→v→To when v is contracted; Weight is the summed path key.</summary>
internal readonly record struct Shortcut(int From, int To, long Weight);
