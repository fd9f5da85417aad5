namespace Geo.Samples.National;

/// <summary>
/// Where things are in a generated national network: per centroid the first node of its street mesh (a
/// <see cref="NationalRegionBuilder.MeshSize"/>² block of grid nodes, row-major) and its town; per town its members and
/// centre centroid; the town links (for express buses).
/// </summary>
internal sealed class NationalLayout
{
    public required IReadOnlyList<NationalCentroid> Centroids { get; init; }
    public required int[] MeshFirstNode { get; init; }
    public required int[] TownOf { get; init; }
    public required int[] TownCentre { get; init; }
    public required int[] TownSize { get; init; }
    public required List<int>[] Neighbours { get; init; }
    public required List<(int A, int B)> TownLinks { get; init; }

    public int GridNode(int centroid, int column, int row) =>
        MeshFirstNode[centroid] + (row * NationalRegionBuilder.MeshSize) + column;

    public int CentreNode(int centroid) => GridNode(centroid, NationalRegionBuilder.MeshSize / 2, NationalRegionBuilder.MeshSize / 2);
}
