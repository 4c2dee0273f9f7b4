int main() {
    int a = 2;
    int b = 5;
    int c = a * b + 1;
    printf("%d\n", c);
    return c;
}
