using System.Reflection;
using System.Reflection.Emit;

namespace Geo.Cli.Tests.Architecture;

/// <summary>
/// The namespace dependency graph of compiled Geo assemblies, read from the assemblies themselves: base types, interfaces,
/// fields, method signatures and every type, method or field token in method bodies (so references through a parent
/// namespace, fully qualified names, lambdas and local functions all count, and unused usings do not).
/// </summary>
internal static class NamespaceGraph
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<int, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (int)(ushort)o.Value);

    /// <summary>Edges namespace -> namespaces it uses, each with one example "Type -> Type" that creates it.</summary>
    public static Dictionary<string, Dictionary<string, string>> Build(IEnumerable<Assembly> assemblies)
    {
        var ours = assemblies.ToHashSet();
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var assembly in ours)
        {
            foreach (var type in assembly.GetTypes())
            {
                var from = type.Namespace;
                if (from is null || !from.StartsWith("Geo", StringComparison.Ordinal))
                {
                    continue; // compiler and source-generator helpers
                }
                if (!edges.TryGetValue(from, out var targets))
                {
                    edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                }
                foreach (var used in ReferencedTypes(type))
                {
                    foreach (var leaf in Expand(used))
                    {
                        var to = leaf.Namespace;
                        if (to is not null && to != from && ours.Contains(leaf.Assembly) && to.StartsWith("Geo", StringComparison.Ordinal))
                        {
                            targets.TryAdd(to, type.FullName + " -> " + leaf.FullName);
                        }
                    }
                }
            }
        }
        return edges;
    }

    /// <summary>Strongly connected components with more than one namespace (Tarjan), each sorted; empty when acyclic.</summary>
    public static List<List<string>> Cycles(IReadOnlyDictionary<string, Dictionary<string, string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            if (edges.TryGetValue(v, out var targets))
            {
                foreach (var w in targets.Keys.Order(StringComparer.Ordinal))
                {
                    if (!index.ContainsKey(w))
                    {
                        Visit(w);
                        low[v] = Math.Min(low[v], low[w]);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }
            }
            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }
        foreach (var v in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }
        return cycles;
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }
        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }
        foreach (var field in type.GetFields(Declared))
        {
            yield return field.FieldType;
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
            foreach (var used in BodyTypes(type, method))
            {
                yield return used;
            }
        }
    }

    /// <summary>Declaring types of every type, method and field token in the method's IL.</summary>
    private static IEnumerable<Type> BodyTypes(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xFE ? 0xFE00 | il[i + 1] : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[code];
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    i += 4;
                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is MethodInfo called)
                        {
                            yield return called.ReturnType;
                            if (called.IsGenericMethod)
                            {
                                foreach (var argument in called.GetGenericArguments())
                                {
                                    yield return argument; // AddCommand<RunCommand>() uses RunCommand
                                }
                            }
                        }
                    }
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    /// <summary>A type with its element type and generic arguments unwrapped (List&lt;Zone&gt;[] -> List, Zone).</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!))
            {
                yield return t;
            }
            yield break;
        }
        if (type.IsGenericParameter)
        {
            yield break;
        }
        if (type.IsGenericType)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var t in Expand(argument))
                {
                    yield return t;
                }
            }
            yield break;
        }
        yield return type;
    }
}
