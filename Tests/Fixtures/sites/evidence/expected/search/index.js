window.copseSearchIndex = {"version":1,"alphabet":"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~","terminals":64,"communities":[["hull","Hull Computing"],["leeds","Leeds Primary"],["york","York Secondary"]],"kinds":[["community","Community"],["charter","Charter"],["norms","Norms"],["planning","Planning document"],["meeting","Meeting notes"],["resource","Resource"],["page","Page"]],"words":"We What in to we a each evidence speaks the A Agenda Collect Coming Everyone Findings Just No Our Pupils Secondary See Teaching The Three York. after and anyone before best. bring change. charter. chose class. communities compared computing confidence. did every found gathering. happened kept kitchen little, look meet minutes. norms notes. often. once one other. our pictures. poster roles shows six spring starting. swapped teach teachers ten term. that this time. timer to. together. twice twice. unit up. what with worked year","pages":[
["communities/hull/index.html","Hull Computing",0,0,"","","2c!"],
["communities/leeds/charter/index.html","Charter",1,1,"","","!R<(Z"],
["communities/leeds/index.html","Leeds Primary",1,0,"","","!Sc.'c'"],
["communities/leeds/evidence/poster/index.html","Conference poster",1,6,"2026-10-01","Thursday 1 October 2026","9^`[c5$a]"],
["communities/leeds/meetings/2026-01-10-start/index.html","Getting started",1,4,"2026-01-10","Saturday 10 January 2026","#&J!DYc0%c$c-"],
["communities/leeds/meetings/2026-05-06-pairs/index.html","Pair programming, term one",1,4,"2026-05-06","Wednesday 6 May 2026","-#N$(E#%B15c#_Kc&T7c2&L=+U&Oc,,Pc+c4@"],
["communities/leeds/norms/index.html","Norms",1,2,"","","0*X?>*c/"],
["communities/leeds/purpose/index.html","Purpose",1,3,"","","8Hc3I"],
["communities/york/charter/index.html","Charter",2,1,"","","4C"],
["communities/york/index.html","York Secondary",2,0,"","","6c%$;"],
["communities/york/meetings/2025-11-01-old/index.html","Autumn review",2,4,"2025-11-01","Saturday 1 November 2025","!GV"],
["communities/york/meetings/2026-06-01-summer/index.html","Summer meeting",2,4,"2026-06-01","Monday 1 June 2026","3)c)c*"],
["communities/york/meetings/2027-01-15-winter/index.html","Winter planning",2,4,"2027-01-15","Friday 15 January 2027","/c1"],
["index.html","Evidence Hub",-1,6,"","",":Fc(A)%+bM"],
["resources/guide/index.html","Evidence guide",-1,5,"2026-04-01","Wednesday 1 April 2026",".'QW"]
]};
