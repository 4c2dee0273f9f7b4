# diff against GNU diffutils 3.8 (tools/gnu-expected); -u headers hold times, so they are cut off or labelled
diff a.txt a.txt; echo "status $?"
diff a.txt b.txt; echo "status $?"
diff a.txt c.txt; echo "status $?"
diff c.txt a.txt
diff b.txt c.txt
diff -u a.txt b.txt | tail -n +3
diff -u a.txt c.txt | tail -n +3
diff -U 1 a.txt c.txt | tail -n +3
diff -U0 b.txt c.txt | tail -n +3
diff --unified=2 a.txt b.txt | tail -n +3
diff -u --label old --label new a.txt b.txt
diff -u a.txt b.txt | head -2 | cut -c1-13
diff -q a.txt b.txt; echo "status $?"
diff -s a.txt a.txt; echo "status $?"
diff w1.txt w2.txt; echo "status $?"
diff -i w1.txt w2.txt; echo "status $?"
diff -b w1.txt w2.txt; echo "status $?"
diff -w -i w1.txt w2.txt; echo "status $?"
diff nonl1.txt nonl2.txt; echo "status $?"
diff -u nonl2.txt nonl1.txt | tail -n +3
diff r1.txt r2.txt
diff r2.txt r1.txt
diff blank1.txt blank2.txt; echo "status $?"
diff -B blank1.txt blank2.txt; echo "status $?"
cat a.txt | diff - b.txt
diff a.txt d1; echo "status $?"
diff d1 d2; echo "status $?"
diff -r d1 d2; echo "status $?"
diff -rq d1 d2; echo "status $?"
diff -ru d1 d2 | grep -v '^[-+][-+][-+] '
diff -rN d1 d2 | grep -v '^[-+][-+][-+] '; echo "status $?"
diff a.txt nosuch.txt; echo "status $?"
diff a.txt; echo "status $?"
diff -Q a.txt b.txt; echo "status $?"
diff tie0a.txt tie0b.txt; diff -u tie0a.txt tie0b.txt | tail -n +3; diff -U1 tie0b.txt tie0a.txt | tail -n +3
diff tie7a.txt tie7b.txt; diff -u tie7a.txt tie7b.txt | tail -n +3; diff -U1 tie7b.txt tie7a.txt | tail -n +3
diff tie16a.txt tie16b.txt; diff -u tie16a.txt tie16b.txt | tail -n +3; diff -U1 tie16b.txt tie16a.txt | tail -n +3
diff tie33a.txt tie33b.txt; diff -u tie33a.txt tie33b.txt | tail -n +3; diff -U1 tie33b.txt tie33a.txt | tail -n +3
