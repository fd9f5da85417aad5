namespace Geo.Core;

/// <summary>
/// A binary artefact cannot be used; the message completes "the file ..." (e.g. "is damaged (content checksum mismatch)").
/// <see cref="IsStale"/>: the file is sound but was built from other input (an ordinary cache miss, not damage).
/// </summary>
public sealed class ArtefactException(string problem, bool isStale = false) : Exception(problem)
{
    public bool IsStale { get; } = isStale;
}
