#include <stdio.h>

int main() {
    int x = 4;
    int *p = &x;
    printf("%d\n", *p);
    return 0;
}
