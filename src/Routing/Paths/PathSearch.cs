namespace Geo.Routing.Paths;

/// <summary>Reusable state of <see cref="ChPathFinder.TryFind"/> for one worker (not thread-safe).</summary>
public sealed class PathSearch
{
    internal PathSearch(int vertexCount)
    {
        Forward = new PathSearchSpace(vertexCount);
        Backward = new PathSearchSpace(vertexCount);
    }

    internal PathSearchSpace Forward { get; }
    internal PathSearchSpace Backward { get; }
    internal List<int> Chain { get; } = [];
    internal Stack<(int From, int To, long Key)> Stack { get; } = new();
}
