using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Geo.Core;

namespace Geo.Catchment.Scenarios;

/// <summary>
/// Finds JSON nulls where the scenario types do not allow them (a property, list item or map value whose C# type is not
/// nullable), so <c>"options": null</c> or <c>"existing": [null]</c> is an error naming its JSON path, never a crash later.
/// Driven by the nullable annotations of the spec records, so a new field is covered without code here.
/// </summary>
internal static class ScenarioNulls
{
    private static readonly NullabilityInfoContext Context = new();
    private static readonly Lock Gate = new();

    public static void Check(Scenario scenario, string file)
    {
        lock (Gate)
        {
            Walk(scenario, "$", file);
        }
    }

    private static void Walk(object spec, string path, string file)
    {
        foreach (var property in spec.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Value(property.GetValue(spec), Context.Create(property), path + "." + name, file);
        }
    }

    private static void Value(object? value, NullabilityInfo info, string path, string file)
    {
        if (value is null)
        {
            if (info.ReadState == NullabilityState.NotNull)
            {
                throw new InputFileException(file, null, path, "must not be null: give a value or leave the field out");
            }
            return;
        }
        if (value is string)
        {
            return;
        }
        var type = value.GetType();
        if (type.Namespace == typeof(Scenario).Namespace)
        {
            Walk(value, path, file);
            return;
        }
        if (value is IEnumerable items)
        {
            var element = info.ElementType ?? (info.GenericTypeArguments.Length > 0 ? info.GenericTypeArguments[^1] : null);
            if (element is null)
            {
                return;
            }
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null && item.GetType() is { IsGenericType: true } itemType && itemType.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                {
                    var key = itemType.GetProperty("Key")!.GetValue(item);
                    Value(itemType.GetProperty("Value")!.GetValue(item), element, path + "." + key, file);
                }
                else
                {
                    Value(item, element, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", file);
                }
                index++;
            }
        }
    }
}
