# shuf as GNU shuf: what it prints, in any order (sorted here), counts and statuses
seq 10 | shuf | sort -n | tr '\n' ' '; echo
shuf -i 1-5 | sort | tr '\n' ' '; echo
shuf -e a b c | sort | tr '\n' ' '; echo
shuf -n 2 -i 1-100 | wc -l; shuf -n 0 -e a | wc -l; shuf -r -n 5 -e x | tr '\n' ' '; echo
seq 3 | shuf -n 10 | wc -l; shuf -i 5-4 | wc -l; shuf -i 9-3 2>/dev/null; echo "st $?"
shuf -e -i 1-2 2>/dev/null; echo "st $?"; shuf nosuch 2>/dev/null; echo "st $?"
printf 'a\0b\0' | shuf -z | tr '\0' '\n' | sort | tr '\n' ' '; echo
