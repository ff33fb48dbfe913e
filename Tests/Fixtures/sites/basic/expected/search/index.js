window.copseSearchIndex = {"version":1,"alphabet":"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~","terminals":64,"communities":[["leeds-primary","Leeds Primary Computing"]],"kinds":[["community","Community"],["charter","Charter"],["norms","Norms"],["planning","Planning document"],["meeting","Meeting notes"],["resource","Resource"],["page","Page"]],"words":"the to We and Roles Room every guide. meet our pair we 4 6. A Agenda Book Built Does Driver Everyone Leeds Navigator Primary. Read Role See Under Welcome. What Why Write Ysgol a agreed agreement agreement. an are be café charter charter. follow follow. for gets hub ideas. inclusive leader leaders' licence. make meet. minutes\") next norms on open pairs primary print(\"swap promise promises quiz reviews room share speak. starter swap teachers ten ten-question timings tried turn types what who ünïcode — ✓.","pages":[
["agreement/index.html","Leaders' agreement",-1,6,"","","?(Tc!$b#IS#c&c1-W=G^V"],
["communities/leeds-primary/charter/index.html","Our charter",0,1,"","","$M!QF"],
["communities/leeds-primary/index.html","Leeds Primary Computing",0,0,"","","$H`c*c2*#c)R"],
["communities/leeds-primary/meetings/2026-10-01-first/index.html","First meeting",0,4,"2026-10-01","Thursday 1 October 2026","$D+[%c.!,)A!K2!Zc%"],
["communities/leeds-primary/meetings/2026-12-03-next/index.html","Planning the spring term",0,4,"2026-12-03","Thursday 3 December 2026","1#N'.'/"],
["communities/leeds-primary/norms/index.html","Norms",0,2,"","","6PCc/#c'<+L"],
["communities/leeds-primary/purpose/index.html","Purpose",0,3,"","","@-X"],
["communities/leeds-primary/resources/quiz/index.html","Starter quiz",0,5,"","","0c,c(c#3]!,)BJc4c3c5"],
["index.html","Riverside Computing Hub",-1,6,"","",">:!UE%*79"],
["resources/pair-guide/index.html","Pair programming guide",-1,5,"","","&%c-O_&;45c08c$a(c+Y"]
]};
