# > >> < 2> 2>&1 &> and their errors
echo first > out.txt
echo second >> out.txt
cat out.txt
cat < out.txt | wc -l
wc -l < out.txt
echo tight>tight.txt; cat tight.txt
cat nosuch 2> err.txt; echo "status $?"
cat err.txt
cat nosuch > both.txt 2>&1; cat both.txt
cat out.txt nosuch 2>&1 | sort
cat nosuch 2>&1 > only-out.txt | wc -l
cat only-out.txt | wc -c
cat out.txt nosuch &> all.txt; cat all.txt
echo to-stderr 1>&2 2> /dev/null
echo "multi
line" | wc -l
cat < missing.txt; echo "status $?"
echo x > /system/x.txt; echo "status $?"
mkdir d; echo x > d; echo "status $?"
pwd > pwd.txt; pwd >> pwd.txt; cat pwd.txt
type cd > type.txt; cat type.txt
nosuch 2> nf.txt; cat nf.txt
echo a > one.txt > two.txt; cat one.txt two.txt | wc -l
echo "to file" > "name with spaces.txt"; cat name\ with\ spaces.txt
F=var.txt; echo via-var > $F; cat var.txt
sh -c 'echo x > ; echo "status $?"'
echo "carries on after $?"
