using Npgsql;

namespace Geo.Cluster.Store;

/// <summary>
/// PostgreSQL LISTEN on <see cref="Channel"/>: the job grain NOTIFYs it (payload: job id) whenever it stores a job or
/// changes a shard's or job's state, so idle silos take a new job's first shard, and a waiting <c>geo cluster submit</c>
/// sees the job done, at once instead of at their next poll. Notifications are a hint, never the state: callers still
/// read the tables, and still poll (slowly) in case a notification is lost while the connection is re-opened.
/// </summary>
public sealed class JobEvents : IAsyncDisposable
{
    public const string Channel = "geo_cluster_job";

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private readonly TaskCompletionSource _listeningStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JobEvents(string connectionString)
    {
        _connectionString = connectionString;
        _listening = Task.Run(ListenAsync);
    }

    /// <summary>Starts listening; returns once LISTEN is in place (or the first attempt failed: then polling still works).</summary>
    public static async Task<JobEvents> StartAsync(string connectionString)
    {
        var events = new JobEvents(connectionString);
        await events._listeningStarted.Task.ConfigureAwait(false);
        return events;
    }

    /// <summary>
    /// A task that completes at the next notification after this call. Take it before reading the state, then await it:
    /// a change between the read and the wait is not missed.
    /// </summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    /// <summary>Waits for <paramref name="next"/> (from <see cref="NextChange"/>) or <paramref name="timeout"/>, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the poll: read the state anyway
        }
    }

    /// <summary>SQL that tells every listener job <c>@id</c> changed (appended to the store's writes).</summary>
    public const string NotifySql = "SELECT pg_notify('" + Channel + "', @id)";

    private void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private async Task ListenAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(token).ConfigureAwait(false);
                connection.Notification += (_, _) => Signal();
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }
                Signal(); // anything may have changed while we were not listening
                _listeningStarted.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or IOException)
            {
                // Database unreachable or connection dropped: callers keep polling; listen again shortly.
                _listeningStarted.TrySetResult();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listening.ConfigureAwait(false);
        _stop.Dispose();
        _listeningStarted.TrySetResult();
    }
}
