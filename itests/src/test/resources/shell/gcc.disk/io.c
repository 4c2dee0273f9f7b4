#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

void reverse(char s[]) {
    int n = strlen(s);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

int count_words(char *text) {
    int words = 0, inside = 0;
    for (int i = 0; text[i] != '\0'; i++) {
        if (isspace(text[i])) inside = 0;
        else if (!inside) { inside = 1; words++; }
    }
    return words;
}

int main(int argc, char *argv[]) {
    int n, total = 0, count = 0;
    while (scanf("%d", &n) == 1) {
        total += n;
        count++;
    }
    printf("read %d numbers, total %d\n", count, total);
    printf("gcd=%d\n", gcd(84, 36));
    char word[] = "pebble";
    reverse(word);
    printf("reversed=%s len=%d\n", word, (int)strlen(word));
    printf("words=%d\n", count_words("  the quick  brown fox "));
    printf("cmp=%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
    srand(1);
    int r1 = rand(), r2 = rand();
    printf("rand %d %d\n", r1, r2);
    srand(42);
    printf("rand42 %d\n", rand() % 100);
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) printf("arg %d: %s\n", i, argv[i]);
    printf("atoi=%d atof=%.2f\n", atoi(" 42abc"), atof("3.14xyz"));
    char up = toupper('q');
    printf("%c%c\n", up, tolower('Z'));
    int grid[2][3] = {{1, 2, 3}, {4, 5, 6}};
    int s = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            s += grid[i][j] * (i + 1);
    printf("grid=%d\n", s);
    double d = 10;
    d /= 4;
    int q = 10;
    q /= 4;
    q *= 2.6;
    printf("%g %d\n", d, q);
    unsigned int u = 5;
    printf("%u %d\n", u, -u);
    exit(3);
}
