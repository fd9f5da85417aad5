namespace Geo.Catchment.Reports.Methods;

/// <summary>One method statement of the report's methods section, e.g. ("Time bands", "within T minutes means ...").</summary>
public sealed record MethodNote(string Topic, string Text);
