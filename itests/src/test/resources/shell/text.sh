# cat echo head tail wc grep sort uniq tee cmp
echo plain words; echo -n no-newline; echo; echo -n; echo -n -n twice; echo
echo --help me
cat nonl.txt; echo
cat -n nonl.txt nums.txt | head -3
echo from-stdin | cat
echo dash | cat nonl.txt - nonl.txt; echo
cat nosuch nonl.txt; echo " status $?"
cat /etc /dev/null; echo "status $?"
head nums.txt | wc -l
head -n 3 nums.txt
head -2 nums.txt
head -n 2 nums.txt nonl.txt; echo
cat nums.txt | head -n 1
head -n x nums.txt; echo "status $?"
tail nums.txt | head -1
tail -n 2 nums.txt
tail -3 nums.txt
tail -n +11 nums.txt
cat nums.txt | tail -n 1
tail -n 1 nonl.txt; echo
wc nums.txt
wc -l nums.txt nonl.txt
wc -w < words.txt
wc -c nonl.txt
echo hello pebble os | wc
cat nums.txt | wc -lw
grep banana words.txt
grep -c banana words.txt
grep -n an words.txt
grep -i APPLE words.txt
grep -v a words.txt
grep -vc a words.txt
grep '^b.*a$' words.txt | uniq
grep 'e[rs]' words.txt
grep -F '.' words.txt; echo "status $?"
grep 'p*le' words.txt
grep x nums.txt nonl.txt; echo "status $?"
grep line nums.txt nonl.txt | head -2
grep nosuchword words.txt; echo "status $?"
grep word nosuch; echo "status $?"
grep; echo "status $?"
echo red blue | grep red
sort words.txt
sort -r words.txt | head -2
sort -n words.txt | head -3
sort -u words.txt | wc -l
sort -rn words.txt | head -2
cat words.txt | sort | uniq
sort words.txt | uniq -c
sort words.txt | uniq -d
sort words.txt | uniq -u
uniq words.txt out.txt; wc -l out.txt
echo tee-me | tee t1.txt t2.txt; cat t1.txt t2.txt
echo again | tee -a t1.txt > /dev/null; cat t1.txt
cmp nums.txt nums.txt; echo "same $?"
cmp nums.txt words.txt; echo "differ $?"
cmp -s nums.txt words.txt; echo "quiet $?"
head -n 3 nums.txt > short.txt; cmp nums.txt short.txt; echo "status $?"
cmp nums.txt nosuch; echo "status $?"
