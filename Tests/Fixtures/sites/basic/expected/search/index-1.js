(window.copseSearchParts = window.copseSearchParts || []).push({"part":1,"words":"the to We and Roles Room every guide. meet our pair we 4 6. A Agenda Book Built Does Driver Everyone Leeds Navigator Primary. Read Role See Under Welcome. What Why Write Ysgol a agreed agreement agreement. an are be café charter charter. follow follow. for gets hub ideas. inclusive leader leaders' licence. make meet. minutes\") next norms on open pairs primary print(\"swap promise promises quiz reviews room share speak. starter swap teachers ten ten-question timings tried turn types what who ünïcode — ✓.","terms":"the to we and roles room every guide meet our pair 4 6 a agenda book built does driver everyone leeds navigator primary read role see under welcome what why write ysgol agreed agreement an are be cafe charter follow for gets hub ideas inclusive leader leaders licence make minutes next norms on open pairs print swap printswap promise promises quiz reviews share speak starter teachers ten question tenquestion timings tried turn types who unicode","wordTerms":"#!###$#%#&#'#(#)#*#+#,#$#-#.#/#0#1#2#3#4#5#6#7#8#9#:#;#<#=#>#?#@#A#/#B#C#C#D#E#F#G#H#H#I#I#J#K#L#M#N#O#P#Q#R#*#S#T#U#V#W#X#8%YZ[#]#^#_#`#'#a#b#c!#Z#c##c$%c$c%c&#c'#c(#c)#c*#>#c+#c,!!","stems":"    2   1          1  1 1    1   1   1  3 5    1    1  1 3  1 1 1 2  1   1    1 2  1 1   1  3 3 4 3y  2  1","pages":[
["agreement/index.html","Leaders' agreement",-1,6,"","","?(Tc!$b#IS#c&c1-W=G^V"],
["communities/leeds-primary/charter/index.html","Our charter",0,1,"","","$M!QF"],
["communities/leeds-primary/index.html","Leeds Primary Computing",0,0,"","","$H`c*c2*#c)R"],
["communities/leeds-primary/meetings/2026-10-01-first/index.html","First meeting",0,4,"2026-10-01","Thursday 1 October 2026","$D+[%c.!,)A!K2!Zc%",["planning"]],
["communities/leeds-primary/meetings/2026-12-03-next/index.html","Planning the spring term",0,4,"2026-12-03","Thursday 3 December 2026","1#N'.'/"],
["communities/leeds-primary/norms/index.html","Norms",0,2,"","","6PCc/#c'<+L"],
["communities/leeds-primary/purpose/index.html","Purpose",0,3,"","","@-X"],
["communities/leeds-primary/resources/quiz/index.html","Starter quiz",0,5,"","","0c,c(c#3]!,)BJc4c3c5"],
["index.html","Riverside Computing Hub",-1,6,"","",">:!UE%*79"],
["resources/pair-guide/index.html","Pair programming guide",-1,5,"","","&%c-O_&;45c08c$a(c+Y",["pairs","python"]]
]});
