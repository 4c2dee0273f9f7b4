# uniq against GNU coreutils 9.1 (tools/gnu-expected)
uniq u.txt
uniq -c u.txt
uniq -d u.txt
uniq -u u.txt
uniq -D u.txt
uniq --all-repeated=separate u.txt
uniq --all-repeated=prepend u.txt
uniq --group u.txt
uniq --group=both u.txt
uniq -i u.txt
uniq -ic u.txt
uniq -f 1 u.txt
uniq -f 1 -c u.txt
uniq -s 2 u.txt
uniq -w 1 -c u.txt
uniq -i -w 5 u.txt
uniq --count --repeated u.txt
uniq -z z.txt | od -c
cat u.txt | uniq -c -
uniq u.txt out.txt; cat out.txt
uniq nosuch.txt; echo "status $?"
uniq -D -c u.txt; echo "status $?"
uniq -f x u.txt; echo "status $?"
uniq -w x u.txt; echo "status $?"
uniq u.txt out.txt extra; echo "status $?"
uniq --all-repeated=foo u.txt; echo "status $?"
