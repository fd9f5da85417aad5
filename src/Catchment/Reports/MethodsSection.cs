using System.Net;
using System.Text;
using Geo.Catchment.Reports.Methods;

namespace Geo.Catchment.Reports;

/// <summary>Renders <see cref="MethodsAndData"/> in report.html: inputs table, methods, known limits and attribution.</summary>
internal static class MethodsSection
{
    public static void Append(StringBuilder h, MethodsAndData methods)
    {
        h.Append("<h2 id=\"methods\">Methods and data</h2><h3>Inputs</h3>");
        h.Append("<table data-name=\"inputs\"><tr><th class=\"l\">Used for</th><th class=\"l\">File</th><th class=\"l\">Date or version</th><th class=\"l\">Licence</th><th class=\"l\">Notes</th></tr>");
        foreach (var s in methods.Inputs)
        {
            h.Append("<tr><td class=\"l\">").Append(E(s.Role)).Append("</td><td class=\"l\" title=\"").Append(E(s.File)).Append("\">").Append(E(Path.GetFileName(s.File)))
             .Append("</td><td class=\"l\">").Append(E(s.Version ?? "not recorded")).Append("</td><td class=\"l\">").Append(E(s.Licence ?? "not stated"))
             .Append("</td><td class=\"l\">").Append(E(s.Detail)).Append("</td></tr>");
        }
        h.Append("</table><h3>Methods</h3><dl class=\"methods\">");
        foreach (var note in methods.Methods)
        {
            h.Append("<dt>").Append(E(note.Topic)).Append("</dt><dd>").Append(E(note.Text)).Append("</dd>");
        }
        h.Append("</dl><h3>Known limits</h3><ul>");
        foreach (var limit in methods.KnownLimits)
        {
            h.Append("<li>").Append(E(limit)).Append("</li>");
        }
        h.Append("</ul><h3>Attribution and licences</h3><ul>");
        foreach (var line in methods.Attribution)
        {
            h.Append("<li>").Append(E(line)).Append("</li>");
        }
        h.Append("</ul>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
