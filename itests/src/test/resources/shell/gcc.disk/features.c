#include <stdio.h>
#include <math.h>
#define N 10
#define SQUARE 5 * 5

int counter = 0;
double scale = 2.5;
int primes[N];

int fib(int n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

void bump(void) { counter++; counter += 2; }

int sum_array(int a[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

void fill(int a[], int n, int v) {
    int i;
    for (i = 0; i < n; ++i) { a[i] = v * i; }
}

double average(double xs[], int n) {
    double total = 0;
    int i = 0;
    while (i < n) total += xs[i++];
    return total / n;
}

int is_prime(int n) {
    if (n < 2) return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

int main() {
    int i, j = 3, k;
    printf("fib(15) = %d\n", fib(15));
    bump(); bump();
    printf("counter=%d scale=%.2f\n", counter, scale);
    int arr[5] = {1, 2, 3};
    printf("sum=%d\n", sum_array(arr, 5));
    fill(arr, 5, 3);
    printf("arr: %d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], arr[4]);
    double xs[] = {1.5, 2.5, 4.0};
    printf("avg=%f\n", average(xs, 3));
    int count = 0;
    for (i = 0; count < N; i++) {
        if (!is_prime(i)) continue;
        primes[count++] = i;
    }
    for (i = 0; i < N; i++) printf("%d%s", primes[i], i < N - 1 ? "," : "\n");
    printf("%d %d %d %d\n", 7 / 2, -7 / 2, 7 % 3, -7 % 3);
    printf("%d %d\n", SQUARE, N * 2);
    k = 10;
    do { k -= 3; } while (k > 0);
    printf("k=%d\n", k);
    int m[3][4];
    for (i = 0; i < 3; i++) for (j = 0; j < 4; j++) m[i][j] = i * 10 + j;
    printf("m[2][3]=%d m[1][0]=%d\n", m[2][3], m[1][0]);
    printf("sqrt(2)=%.6f pow=%g sin=%.4f\n", sqrt(2.0), pow(2, 10), sin(M_PI / 6));
    int x = 5;
    int y = x++ + ++x;
    printf("x=%d y=%d\n", x, y);
    float f = 7 / 2;
    int t = 7.9;
    printf("f=%f t=%d c=%c %c\n", f, t, 'A' + 2, 66);
    char *name = "world";
    printf("hello, %s! %5s|%-6s|\n", name, "ab", "cd");
    printf("%x %X %o %5.1e %%\n", 255, 255, 8, 12345.678);
    int a = 6, b = 3;
    printf("%d %d %d %d %d\n", a & b, a | b, a ^ b, a << 2, a >> 1);
    printf("%d %d %d\n", a > b && b > 0, a < b || b == 3, !a);
    switch (a) {
        case 1: printf("one\n"); break;
        case 6: printf("six\n");
        case 7: printf("falls to seven\n"); break;
        default: printf("other\n");
    }
    for (i = 0; i < 5; i++) {
        switch (i) {
            case 2: continue;
            case 4: printf("four\n"); break;
            default: printf("i=%d\n", i);
        }
    }
    long big = 1;
    for (i = 0; i < 20; i++) big *= 3;
    printf("big=%ld\n", big);
    printf("sizeof=%d %d %d\n", (int)sizeof(int), (int)sizeof(arr), (int)(sizeof(arr) / sizeof(arr[0])));
    return 0;
}
