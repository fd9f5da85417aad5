namespace Geo.Cluster.Store;

/// <summary>PostgreSQL could not be reached or refused us; the message says where (password never shown) and why.</summary>
public sealed class ClusterDatabaseException(string message, Exception? inner = null) : Exception(message, inner);
