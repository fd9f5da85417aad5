namespace Geo.Routing.Transit.Raptor;

/// <summary>
/// One leg of a reconstructed journey. Kind: Access (walk origin->stop), Ride (trip from FromStop to ToStop),
/// Transfer (walk or minimum change between stops). Trip is the timetable trip instance for rides, else -1.
/// </summary>
public readonly record struct JourneyLeg(JourneyLegKind Kind, int FromStop, int ToStop, int StartSeconds, int EndSeconds, int Trip);
