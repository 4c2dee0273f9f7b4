# patch against GNU patch 2.7.6 (tools/gnu-expected): p1.diff is base.txt -> changed.txt, tree.diff is diff -ruN old new
cp base.txt t1.txt; patch t1.txt < p1.diff; echo "status $?"; cmp t1.txt changed.txt && echo same
cp base.txt t1b.txt; patch -s t1b.txt p1.diff; echo "status $?"; cmp t1b.txt changed.txt && echo same
cp shifted.txt t2.txt; patch -i p1.diff t2.txt; echo "status $?"; cat t2.txt
cp fuzzy.txt t3.txt; patch t3.txt p1.diff; echo "status $?"; head -6 t3.txt
cp fuzzy.txt t3b.txt; patch -F 0 t3b.txt p1.diff; echo "status $?"; cat t3b.txt.rej
cp conflict.txt t4.txt; patch t4.txt < p1.diff; echo "status $?"; cat t4.txt.rej; cat t4.txt
cp base.txt t5.txt; patch --dry-run t5.txt < p1.diff; echo "status $?"; cmp t5.txt base.txt && echo unchanged
cp conflict.txt t5b.txt; patch --dry-run t5b.txt < p1.diff; echo "status $?"; cat t5b.txt.rej
cp changed.txt t6.txt; patch -R t6.txt < p1.diff; echo "status $?"; cmp t6.txt base.txt && echo reversed
cp changed.txt t7.txt; patch -N t7.txt < p1.diff; echo "status $?"; cmp t7.txt changed.txt && echo untouched; head -3 t7.txt.rej
cp changed.txt t8.txt; patch -t t8.txt < p1.diff; echo "status $?"; cmp t8.txt base.txt && echo back
cp changed.txt t9.txt; patch -f t9.txt < p1.diff; echo "status $?"; cat t9.txt.rej
cp base.txt t10.txt; patch -o out.txt t10.txt < p1.diff; echo "status $?"; cmp out.txt changed.txt && cmp t10.txt base.txt && echo output
cp base.txt t11.txt; patch -r t11.rej t11.txt < p1.diff; echo "status $?"
cp base.txt t12.txt; diff -u t12.txt conflict.txt > p12.diff; patch t12.txt < p12.diff; echo "status $?"; cmp t12.txt conflict.txt && echo same
cp nonl1.txt t13.txt; patch t13.txt < nonl.diff; echo "status $?"; cmp t13.txt nonl2.txt && echo same
cp nonl2.txt t14.txt; patch -R t14.txt < nonl.diff; echo "status $?"; cmp t14.txt nonl1.txt && echo same
mkdir w; cp -r old/. w/; patch -d w -p1 < tree.diff; echo "status $?"; find w | sort; cat w/h.txt w/sub/f.txt
mkdir w2; cp -r old/. w2/; patch -p1 --dry-run -d w2 -i ../tree.diff; echo "status $?"; find w2 | sort
mkdir w3; cp -r old/. w3/; patch -d w3 -p1 < tree.diff > /dev/null; patch -d w3 -R -p1 < tree.diff; echo "status $?"; find w3 | sort
mkdir w4; cp -r old/. w4/; cp w4/sub/f.txt w4/f.txt; patch -d w4 < tree.diff; echo "status $?"; cat w4/f.txt
mkdir e1; patch -d e1 -f -p1 -i ../sub.diff; echo "status $?"
mkdir e2; patch -d e2 -t -i ../sub.diff; echo "status $?"
mkdir g; cp base.txt g/base.txt; patch -d g -p1 < git.diff; echo "status $?"; cmp g/base.txt changed.txt && echo same
mkdir g2; cp base.txt g2/base.txt; patch -d g2 -p0 < git.diff; echo "status $?"
echo hello | patch; echo "status $?"
patch -i nosuch.diff; echo "status $?"
patch -Q; echo "status $?"
patch --bogus; echo "status $?"
