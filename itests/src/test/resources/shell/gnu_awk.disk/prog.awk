# a program file: the totals per city
{ total[$3] += $2; count[$3]++ }
END {
    n = asorti(total, cities)
    for (i = 1; i <= n; i++)
        printf "%-8s %3d %5.1f\n", cities[i], total[cities[i]], total[cities[i]] / count[cities[i]]
}
