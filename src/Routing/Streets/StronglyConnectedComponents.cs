namespace Geo.Routing.Streets;

/// <summary>Iterative Tarjan strongly connected components over a CSR graph (no recursion, so no stack overflow).</summary>
internal static class StronglyConnectedComponents
{
    /// <summary>
    /// Labels each vertex with its component id (0-based, in order of completion) and returns the component count.
    /// </summary>
    public static int Label(int[] firstEdge, int[] edgeTarget, out int[] component)
    {
        var n = firstEdge.Length - 1;
        component = new int[n];
        var index = new int[n];
        var low = new int[n];
        var nextEdge = new int[n];
        var onStack = new bool[n];
        var stack = new int[n];
        var call = new int[n];
        Array.Fill(index, -1);
        int counter = 0, stackTop = 0, components = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] != -1)
            {
                continue;
            }
            var callTop = 0;
            Visit(root);
            while (callTop > 0)
            {
                var v = call[callTop - 1];
                if (nextEdge[v] < firstEdge[v + 1])
                {
                    var w = edgeTarget[nextEdge[v]++];
                    if (index[w] == -1)
                    {
                        Visit(w);
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                callTop--;
                if (callTop > 0)
                {
                    var parent = call[callTop - 1];
                    if (low[v] < low[parent])
                    {
                        low[parent] = low[v];
                    }
                }
                if (low[v] == index[v])
                {
                    int x;
                    do
                    {
                        x = stack[--stackTop];
                        onStack[x] = false;
                        component[x] = components;
                    }
                    while (x != v);
                    components++;
                }
            }

            void Visit(int v)
            {
                index[v] = counter;
                low[v] = counter;
                counter++;
                stack[stackTop++] = v;
                onStack[v] = true;
                nextEdge[v] = firstEdge[v];
                call[callTop++] = v;
            }
        }
        return components;
    }
}
