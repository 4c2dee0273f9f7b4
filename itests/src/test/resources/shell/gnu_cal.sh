# cal against the BSD cal of Debian's ncal 12.1.8 (tools/gnu-expected); fixed dates only
cal 2 2026
cal 12 2026
cal 1 2027
cal 9 1752
cal 2 1700
cal 2 2000
cal 3 1
cal feb 2024
cal September 9999
cal 2026
cal -y 1752
cal -m 6 2025
cal 13 2026; echo "status $?"
cal 1 0; echo "status $?"
cal 10000; echo "status $?"
cal foo 2026; echo "status $?"
