int main() {
    int total = 0
    return total;
}
