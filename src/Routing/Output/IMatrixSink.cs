namespace Geo.Routing.Output;

/// <summary>
/// Receives a matrix batch by batch: <see cref="Begin"/> once, <see cref="Write"/> per batch in origin order (each batch
/// may be dropped by the caller afterwards), then <see cref="Complete"/>. A sink disposed without Complete leaves no
/// output behind (files are written to a temporary name and renamed by Complete).
/// </summary>
public interface IMatrixSink : IDisposable
{
    void Begin(MatrixLayout layout);

    void Write(MatrixBatch batch);

    void Complete();
}
