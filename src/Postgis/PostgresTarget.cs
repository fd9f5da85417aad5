using Geo.Core;
using Npgsql;

namespace Geo.Postgis;

/// <summary>
/// Where the export goes: a connection string in Npgsql's form (<c>Host=...;Username=...;Password=...;Database=...</c>) or
/// a <c>postgresql://user:password@host:port/database</c> URI as psql and QGIS users write it. A string that cannot be read
/// is a usage error (exit 2); a server that cannot be reached is an unwritable output (exit 4). Messages never show the password.
/// </summary>
public sealed class PostgresTarget
{
    private PostgresTarget(NpgsqlConnectionStringBuilder builder) => Builder = builder;

    public NpgsqlConnectionStringBuilder Builder { get; }

    /// <summary>host:port/database as user: how the target is named in messages (never the password).</summary>
    public string Description => $"{Builder.Host}:{Builder.Port}/{Builder.Database ?? Builder.Username} as {Builder.Username ?? "(default user)"}";

    public static PostgresTarget Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("--postgres <CONNECTION> is required, e.g. --postgres \"Host=127.0.0.1;Username=geo;Password=geo;Database=gis\".");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUri(text)
                : new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or InvalidOperationException)
        {
            throw new UsageException($"--postgres is not a PostgreSQL connection string ({ex.Message}); write Host=...;Port=5432;Username=...;Password=...;Database=... or postgresql://user:password@host:5432/database.");
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new UsageException("--postgres names no Host: write Host=...;Username=...;Password=...;Database=... or postgresql://user:password@host:5432/database.");
        }
        return new PostgresTarget(builder);
    }

    /// <summary>Opens a data source that maps PostGIS geometries to NetTopologySuite.</summary>
    public NpgsqlDataSource OpenDataSource()
    {
        var source = new NpgsqlDataSourceBuilder(Builder.ConnectionString);
        source.UseNetTopologySuite();
        return source.Build();
    }

    /// <summary>The error for a failure to reach or write the database: exit 4 with the server's reason, no trace.</summary>
    public OutputException Unwritable(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var reason = ex is PostgresException pg ? pg.MessageText : ex.InnerException is { } inner ? ex.Message + ": " + inner.Message : ex.Message;
        return new OutputException("PostgreSQL " + Description, reason, ex);
    }

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder;
    }
}
