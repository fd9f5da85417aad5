namespace Geo.Catchment.Allocation;

/// <summary>
/// The placement problem is not well posed (p larger than the candidates, a negative capacity, a missing threshold...).
/// The message lists every problem found. The command line reports it as a usage error.
/// </summary>
public sealed class InvalidPlacementProblemException : ArgumentException
{
    public InvalidPlacementProblemException(string message) : base(message)
    {
    }

    public InvalidPlacementProblemException()
    {
    }

    public InvalidPlacementProblemException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
