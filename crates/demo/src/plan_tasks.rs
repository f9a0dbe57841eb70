//! The tasks of the source plan (parts B.II and B.III), word for word, and the offices they
//! name, as data. Where a task of B.II names no office, its lead is the People's Committee
//! that issued the plan (the plan assigns offices only in B.III); co-ordinating offices are
//! those the task's own words name. The indicators that show each task done and the
//! outputs are hoptac's reading of the plan (outputs only where the plan states one, as a
//! target or an aim). The offices' successors after the reform of 1 July 2025 are as the
//! reorganisation implies; no text assigning these tasks to them was found, so each says
//! it is unconfirmed.
//!
//! The statuses are ILLUSTRATIVE: an office of the demo set them.

use hoptac_core::date::ymd;
use hoptac_core::plan::{PlanOffice, PlanTask};
use hoptac_core::types::TaskStatus;

/// (number, group heading, text, lead, co-ordinating, evidence indicators, expected output)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

const TASKS: [Row; 35] = [
    (
        "II.1.1",
        "Về tuyên truyền nâng cao nhận thức về KTTT",
        "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy đảng trong việc quán triệt, nâng cao nhận thức trong việc thực hiện Luật Hợp tác xã năm 2012, Nghị định số 77/2019/NĐ-CP ngày 10/10/2019 của Chính phủ về Tổ hợp tác và các văn bản chỉ đạo, hướng dẫn của Trung ương, của Tỉnh về phát triển KTTT, HTX.",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.1.2",
        "Về tuyên truyền nâng cao nhận thức về KTTT",
        "Áp dụng linh hoạt nhiều hình thức tuyên truyền (hội nghị, hội thảo, phát hành bản tin kinh tế hợp tác, duy trì trang thông tin điện tử, xây dựng các phóng sự, mở các chuyên mục về phát triển KTTT,...) nhằm nâng cao nhận thức trong toàn bộ hệ thống chính trị, cán bộ, đảng viên và Nhân dân về vai trò, vị trí và tầm quan trọng của KTTT, HTX trong sự nghiệp phát triển kinh tế - xã hội của huyện.",
        &["UBND-HUYEN"],
        &[],
        &["propaganda.events", "propaganda.reach"],
        "",
    ),
    (
        "II.1.3",
        "Về tuyên truyền nâng cao nhận thức về KTTT",
        "Phát triển KTTT, HTX gắn với nhiệm vụ công nghiệp hóa, hiện đại hóa, chuyển dịch cơ cấu nền kinh tế và lồng ghép vào các chương trình, dự án, kế hoạch phát triển kinh tế - xã hội của huyện.",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.2.1",
        "Về hoàn thiện khung pháp lý, cơ chế chính sách",
        "Tiếp tục triển khai các chính sách hỗ trợ, khuyến khích phát triển KTTT, HTX của Trung ương, của Tỉnh. Rà soát, đánh giá hiệu quả của các cơ chế, chính sách quản lý, ưu đãi, phát triển KTTT đã ban hành khi áp dụng vào thực tế để có đề xuất điều chỉnh, bổ sung phù hợp với xu hướng phát triển kinh tế, đặc điểm, trình độ phát triển tại địa phương.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount", "support.beneficiaries"],
        "",
    ),
    (
        "II.3.1",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy đảng, phát huy vai trò của Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện trong việc phát triển HTX.",
        &["UBND-HUYEN"],
        &["MTTQ"],
        &[],
        "",
    ),
    (
        "II.3.2",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Quan tâm đào tạo đội ngũ cán bộ làm công tác quản lý Nhà nước về HTX, ưu tiên hàng đầu là bồi dưỡng, nâng cao trình độ, năng lực quản lý và tư duy kinh tế, thương mại cho những người phụ trách KTTT, HTX. Thu hút nguồn nhân lực trẻ là các sinh viên đã tốt nghiệp đại học, cao đẳng có trình độ chuyên môn phù hợp, có nguyện vọng tham gia vào HTX.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount.young_workers"],
        "",
    ),
    (
        "II.3.3",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Phát huy hiệu quả hoạt động của Ban Chỉ đạo Chương trình mục tiêu Quốc gia xây dựng nông thôn mới – Tái cơ cấu ngành nông nghiệp và Phát triển kinh tế tập thể huyện để chỉ đạo theo chức năng, nhiệm vụ được giao. Kiểm tra, sơ kết để tập trung tháo gỡ những khó khăn trong lĩnh vực KTT, HTX (nguồn vốn, cơ chế, chính sách...).",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.3.4",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Chấn chỉnh tổ chức và đổi mới nội dung và phương thức hoạt động trong từng HTX để đảm bảo đúng tính chất là một tổ chức KTTT theo nguyên tắc tự chủ, tự quản và tự chịu trách nhiệm; phát huy dân chủ, phục vụ tốt nhất nhu cầu đa dạng của thành viên, giải quyết được nhiều việc làm, tăng thu nhập cho thành viên và người lao động.",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.3.5",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Phát triển HTX gắn với nhiệm vụ công nghiệp hóa, hiện đại hóa, chuyển dịch cơ cấu kinh tế và lồng ghép với các chương trình, dự án, kế hoạch phát triển kinh tế - xã hội theo vùng, ngành và lĩnh vực; tranh thủ mọi điều kiện thuận lợi trong xu thế hội nhập kinh tế quốc tế. Quan tâm, tạo điều kiện để các HTX xúc tiến thương mại, giới thiệu sản phẩm, tham quan học tập kinh nghiệm trong và ngoài nước.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount.promotion"],
        "",
    ),
    (
        "II.3.6",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Tập hợp và huy động đội ngũ cán bộ chủ chốt HTX có năng lực, phẩm chất, tận tâm, nhiệt tình, tâm huyết với công việc của HTX; tăng cường công tác đào tạo, bồi dưỡng phát triển nguồn nhân lực dưới nhiều hình thức cho HTX, nhất là cán bộ quản lý HTX.",
        &["UBND-HUYEN"],
        &[],
        &["training.courses", "training.managers_trained_pct"],
        "Chỉ tiêu 7 của kế hoạch: 70% cán bộ quản lý, chuyên môn HTX và THT được bồi dưỡng",
    ),
    (
        "II.3.7",
        "Về nâng cao hiệu quả quản lý Nhà nước đối với HTX, gắn với công tác lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền các cấp trong phát triển KTTT",
        "Đẩy mạnh công tác quản lý nhà nước đối với khu vực HTX theo quy định tại Luật Hợp tác xã năm 2012 và các quy định khác; tăng cường công tác kiểm tra, chỉ đạo, định kỳ sơ kết, tổng kết đánh giá kết quả thực hiện Nghị quyết, Luật HTX, các chủ trương, chính sách của Đảng và Nhà nước đối với KTTT.",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.4.1",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Thường xuyên rà soát, đánh giá các HTX; tháo gỡ khó khăn, giải quyết dứt điểm nợ đọng kéo dài; giải thể những HTX hoạt động kém hiệu quả, hoạt động hình thức, không tổ chức đại hội thành viên 18 tháng liên tục và các trường hợp khác theo quy định; đẩy mạnh xây dựng mô hình HTX kiểu mới gắn với phát triển chuỗi giá trị sản phẩm, hàng hóa chủ lực, có quy mô lớn và sức lan tỏa.",
        &["UBND-HUYEN"],
        &[],
        &["htx.dissolved"],
        "",
    ),
    (
        "II.4.2",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Tập trung chỉ đạo, khuyến khích tích tụ ruộng đất, tạo vùng sản xuất hàng hóa tập trung với quy mô lớn để phát triển các mô hình liên kết theo chuỗi giá trị từ sản xuất đến tiêu thụ sản phẩm, trong đó HTX là cầu nối giữa doanh nghiệp với người nông dân và xây dựng các mô hình điểm áp dụng các tiến bộ kỹ thuật mới về giống cây trồng, vật nuôi cho hiệu quả kinh tế cao để người dân học tập, nhân rộng. Định hướng các HTX có điều kiện xây dựng vùng nguyên liệu, sản phẩm, dịch vụ có mã vùng trồng, mã vạch, truy xuất nguồn gốc, phát triển sản phẩm OCOP.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount.linkage"],
        "",
    ),
    (
        "II.4.3",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Tạo điều kiện thuận lợi cho các HTX tham gia vào các chương trình, dự án sản xuất kinh doanh và đầu tư bằng nhiều hình thức như xây dựng kết cấu hạ tầng nông nghiệp, nông thôn phục vụ sản xuất, bảo vệ môi trường trong sản xuất nông, lâm, thủy sản... Thực hiện lồng ghép, kết hợp các chương trình mục tiêu quốc gia, chương trình phát triển kinh tế - xã hội ở địa phương, nhằm thu hút các nguồn lực phát triển các hình thức tổ chức kinh tế hợp tác, liên kết.",
        &["UBND-HUYEN"],
        &[],
        &[],
        "",
    ),
    (
        "II.4.4",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Nghiên cứu, khảo sát mô hình KTTT có hiệu quả, bố trí nguồn lực hỗ trợ cho việc xây dựng và nhân rộng các mô hình HTX điểm; lựa chọn một số HTX có quy mô phù hợp để hỗ trợ xây dựng mô hình liên kết chuỗi với doanh nghiệp, ứng dụng khoa học kỹ thuật công nghệ cao.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount.linkage"],
        "",
    ),
    (
        "II.4.5",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Lựa chọn những HTX có điều kiện phát triển thành các HTX đa dịch vụ, hoạt động hiệu quả... Thực hiện việc tổ chức hướng dẫn đánh giá chất lượng hoạt động HTX, THT hàng năm để kịp thời có kế hoạch, giải pháp tập trung củng cố.",
        &["UBND-HUYEN"],
        &[],
        &["htx.agri.multiservice3"],
        "Chỉ tiêu 9 của kế hoạch: 20% HTX đa dịch vụ hoạt động hiệu quả",
    ),
    (
        "II.4.6",
        "Về nâng cao hiệu quả hoạt động của các HTX, xây dựng mô hình HTX hiệu quả",
        "Hỗ trợ và nhân rộng mô hình HTX hoạt động hiệu quả gắn với liên kết tiêu thụ nông sản và tiếp cận phương thức sản xuất hàng hóa quy mô lớn trên cơ sở tích tụ ruộng đất của các thành viên HTX.",
        &["UBND-HUYEN"],
        &[],
        &["support.amount.linkage"],
        "",
    ),
    (
        "II.5.1",
        "Phát triển Hội quán, phát triển HTX nông nghiệp từ mô hình Hội quán",
        "Tổ chức sinh hoạt thường xuyên, định kỳ với nội dung thiết thực đối với các Hội quán. Phân công cán bộ các cấp tham gia sinh hoạt định kỳ, nhất là cán bộ lãnh đạo địa phương, cán bộ chuyên môn phù hợp với từng lĩnh vực Hội quán.",
        &["UBND-HUYEN"],
        &["UBND-XA"],
        &["hoiquan.meetings", "hoiquan.meetings_with_officials_pct"],
        "",
    ),
    (
        "II.5.2",
        "Phát triển Hội quán, phát triển HTX nông nghiệp từ mô hình Hội quán",
        "Thực hiện tốt công tác tuyên truyền sâu rộng để nâng cao chất lượng hoạt động các Hội quán, vận động hội viên và Nhân dân nâng cao nhận thức về chuyển đổi sản xuất nông nghiệp kém hiệu quả sang kinh tế nông nghiệp, tăng cường liên kết sản xuất, tiêu thụ sản phẩm, tiếp tục theo dõi, hỗ trợ, giúp đỡ cho hoạt động các Hội quán và phát triển thêm các Hội quán nếu đủ điều kiện.",
        &["UBND-HUYEN"],
        &["UBND-XA"],
        &["hoiquan.active"],
        "",
    ),
    (
        "II.5.3",
        "Phát triển Hội quán, phát triển HTX nông nghiệp từ mô hình Hội quán",
        "Chính quyền các cấp chỉ đạo các ngành chuyên môn tiếp tục tổ chức các lớp tập huấn, cập nhật kiến thức về sản xuất nông nghiệp, ứng dụng công nghệ thông tin, khoa học kỹ thuật tiên tiến vào quy trình sản xuất, liên kết, thông tin thị trường cho hội viên các Hội quán; quan tâm giới thiệu các công ty, doanh nghiệp hợp đồng tiêu thụ sản phẩm của Hội quán.",
        &["UBND-HUYEN"],
        &["UBND-XA"],
        &["training.trainees"],
        "",
    ),
    (
        "II.5.4",
        "Phát triển Hội quán, phát triển HTX nông nghiệp từ mô hình Hội quán",
        "Đẩy mạnh hoạt động xúc tiến thương mại nhằm quảng bá sản phẩm nông sản của Hội quán. Tăng cường mối liên kết 04 nhà trên cơ sở hài hòa lợi ích của các bên tham gia trong chuỗi giá trị sản xuất theo quy luật thị trường để hàng hoá, nông sản của Hội quán phát triển bền vững.",
        &["UBND-HUYEN"],
        &["UBND-XA"],
        &[],
        "",
    ),
    (
        "II.5.5",
        "Phát triển Hội quán, phát triển HTX nông nghiệp từ mô hình Hội quán",
        "Lồng ghép việc tuyên truyền về Luật HTX, các chính sách liên quan đến HTX trong các buổi sinh hoạt thường kỳ của Hội quán. Để các thành viên Hội quán hiểu rõ về bản chất, vai trò, lợi ích khi tham gia HTX từ đó tự vận động thành lập HTX từ nền tảng mô hình Hội quán.",
        &["UBND-HUYEN"],
        &["UBND-XA"],
        &["hoiquan.became_coop"],
        "HTX thành lập từ nền tảng Hội quán (mục tiêu tổng quát của kế hoạch)",
    ),
    (
        "II.6.1",
        "Phát huy vai trò của Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện đối với phát triển KTTT",
        "Các cấp ủy đảng, chính quyền địa phương hỗ trợ, tạo điều kiện và phát huy vai trò của Ủy ban Mặt trận Tổ quốc Việt Nam huyện, các tổ chức chính trị - xã hội huyện trong việc tuyên truyền, vận động thành viên tham gia HTX, đưa Luật Hợp tác xã năm 2012 vào cuộc sống; động viên, khuyến khích các hội viên đi đầu tham gia xây dựng các mô hình điểm về KTTT như: HTX, THT trên các lĩnh vực, nhất là nông thôn; đẩy mạnh phát triển phong trào khởi nghiệp của đoàn viên, hội viên, thành viên HTX, THT; tuyên truyền các chính sách, pháp luật về KTTT tới các hội viên; đưa các nội dung này thành trọng tâm trong chương trình, kế hoạch hoạt động hàng năm của các cấp đoàn, hội...",
        &["MTTQ"],
        &["UBND-XA"],
        &["propaganda.events"],
        "",
    ),
    (
        "III.1.1",
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Tập trung củng cố, nâng cao hiệu quả hoạt động của các HTX theo hướng nâng cao chất lượng và mở rộng các loại dịch vụ cho các hộ dân có nhu cầu; chú trọng phát triển các HTX chuyên ngành, các HTX dịch vụ tổng hợp có đầu tư khoa học công nghệ để phát triển.",
        &["NN-PTNT"],
        &[],
        &["htx.services_avg"],
        "",
    ),
    (
        "III.1.2",
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Nhân rộng các mô hình HTX làm ăn hiệu quả, tích cực tuyên truyền Luật Hợp tác xã năm 2012.",
        &["NN-PTNT"],
        &[],
        &["propaganda.events"],
        "",
    ),
    (
        "III.1.3",
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Hướng dẫn, hỗ trợ các HTX ứng dụng tiến bộ khoa học và công nghệ trong sản xuất, bảo quản, chế biến nông sản. Đẩy mạnh phát triển các sản phẩm tham gia Chương trình Mỗi xã một sản phẩm (OCOP).",
        &["NN-PTNT"],
        &[],
        &["support.amount.technology"],
        "",
    ),
    (
        "III.1.4",
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Hướng dẫn, hỗ trợ các HTX nông nghiệp phân loại và đánh giá theo Thông tư 09/2017/TT-BNNPTNT của Bộ Nông nghiệp và Phát triển nông thôn ngày 17/4/2017 về Hướng dẫn phân loại và đánh giá hợp tác xã hoạt động trong lĩnh vực nông nghiệp.",
        &["NN-PTNT"],
        &[],
        &[],
        "",
    ),
    (
        "III.2.1",
        "Phòng Tài chính – Kế hoạch huyện",
        "Hướng dẫn HTX trong việc rà soát lại Điều lệ, tổ chức đại hội thành viên để củng cố lại hoạt động của HTX, bảo đảm phù hợp với quy định của Luật Hợp tác xã năm 2012 và các văn bản hướng dẫn.",
        &["TC-KH"],
        &[],
        &[],
        "",
    ),
    (
        "III.2.2",
        "Phòng Tài chính – Kế hoạch huyện",
        "Hướng dẫn phân loại và đánh giá Hợp tác xã theo Thông tư số 01/2020/TT-BKHĐT của Bộ Kế hoạch và Đầu tư ngày 19/02/2020 về Hướng dẫn phân loại và đánh giá Hợp tác xã hàng năm theo quy định.",
        &["TC-KH"],
        &[],
        &[],
        "",
    ),
    (
        "III.2.3",
        "Phòng Tài chính – Kế hoạch huyện",
        "Cân đối, bố trí kinh phí từ ngân sách huyện để thực hiện chính sách hỗ trợ phát triển HTX, nhất là đầu tư cho công tác củng cố phát triển và đào tạo, tập huấn nâng cao chất lượng nguồn nhân lực HTX.",
        &["TC-KH"],
        &[],
        &["support.amount", "training.courses"],
        "",
    ),
    (
        "III.3.1",
        "Đề nghị Ủy ban Mặt trận tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội huyện",
        "Tăng cường công tác tuyên truyền về phát triển KTTT, HTX, mô hình thí điểm HTX kiểu mới, tuyên truyền và vận động quần chúng Nhân dân thay đổi tư duy sản xuất sang tư duy kinh tế theo hướng liên doanh, liên kết; vận động thành viên tham gia HTX, đưa Luật Hợp tác xã năm 2012 vào cuộc sống. Phát triển mạnh phong trào khởi nghiệp nhất là khởi nghiệp trong lĩnh vực nông nghiệp theo hướng giá trị gia tăng, ứng dụng công nghệ cao, khai thác tài nguyên bản địa, tạo thêm nền tảng về phát triển sản phẩm OCOP.",
        &["MTTQ"],
        &[],
        &["propaganda.events", "htx.founded"],
        "",
    ),
    (
        "III.4.1",
        "Ủy ban nhân dân các xã, thị trấn",
        "Tổ chức thực hiện chương trình, kế hoạch hỗ trợ phát triển HTX, tạo điều kiện thuận lợi cho các HTX trên địa bàn tham gia các chương trình mục tiêu, chương trình phát triển kinh tế - xã hội. Làm tốt vai trò cầu nối và giám sát phương thức liên kết hợp tác của HTX, THT với các đơn vị khác. Tăng cường vận động xây dựng mã vùng, truy xuất nguồn gốc cho các vùng nguyên liệu sản phẩm, định hướng sản xuất theo các tiêu chuẩn thị trường và hội nhập.",
        &["UBND-XA"],
        &[],
        &["support.amount.linkage"],
        "",
    ),
    (
        "III.4.2",
        "Ủy ban nhân dân các xã, thị trấn",
        "Tăng cường công tác tuyên truyền, khuyến khích và vận động nông dân trên địa bàn tổ chức thành lập mới hoặc tham gia vào HTX, đặc biệt các mô hình HTX kiểu mới. Bồi dưỡng những sản phẩm khởi nghiệp để định hướng phát triển theo tiêu chuẩn sản phẩm OCOP.",
        &["UBND-XA"],
        &[],
        &["htx.founded", "tht.founded"],
        "",
    ),
    (
        "III.4.3",
        "Ủy ban nhân dân các xã, thị trấn",
        "Thường xuyên tham dự sinh hoạt các hội quan để kịp thời chia sẻ, hỗ trợ và xác định mục tiêu phát triển HTX khi đủ điều kiện.",
        &["UBND-XA"],
        &[],
        &["hoiquan.meetings_with_officials_pct"],
        "Cán bộ xã dự sinh hoạt Hội quán thường xuyên",
    ),
    (
        "III.4.4",
        "Ủy ban nhân dân các xã, thị trấn",
        "Theo dõi đánh giá chất lượng hoạt động HTX, THT theo quy định.",
        &["UBND-XA"],
        &[],
        &[],
        "",
    ),
];

const UNCONFIRMED: &str = "chưa xác nhận văn bản giao nhiệm vụ";

/// (code, name, successor): every office ceased with the district on 30/06/2025.
const OFFICES: [(&str, &str, &str); 5] = [
    (
        "UBND-HUYEN",
        "Ủy ban nhân dân huyện Tháp Mười",
        "Ủy ban nhân dân tỉnh Đồng Tháp và UBND các xã mới",
    ),
    (
        "NN-PTNT",
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp; UBND các xã mới",
    ),
    (
        "TC-KH",
        "Phòng Tài chính – Kế hoạch huyện",
        "Sở Tài chính tỉnh Đồng Tháp; UBND các xã mới",
    ),
    (
        "MTTQ",
        "Ủy ban MTTQ Việt Nam huyện và các tổ chức chính trị - xã hội huyện",
        "Ủy ban MTTQ Việt Nam tỉnh và các xã mới",
    ),
    (
        "UBND-XA",
        "Ủy ban nhân dân các xã, thị trấn",
        "Ủy ban nhân dân các xã mới",
    ),
];

pub fn offices() -> Vec<PlanOffice> {
    OFFICES
        .iter()
        .map(|(code, name, next)| PlanOffice {
            code: code.to_string(),
            name: name.to_string(),
            until: ymd(2025, 6, 30),
            successor: format!("{next}; {UNCONFIRMED}"),
        })
        .collect()
}

pub fn tasks() -> Vec<PlanTask> {
    let owned = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    TASKS
        .iter()
        .map(|(number, group, text, lead, partners, evidence, output)| {
            // illustrative: the demo office marks the tasks its records show as under way
            let (status, reason) = match (*number, evidence.is_empty()) {
                ("II.5.5", _) => (
                    TaskStatus::Done,
                    "Minh họa: 02 HTX thành lập từ Hội quán trong giai đoạn".to_string(),
                ),
                (_, false) => (
                    TaskStatus::InProgress,
                    "Minh họa: cơ quan báo cáo đang triển khai".to_string(),
                ),
                (_, true) => (TaskStatus::NotStarted, String::new()),
            };
            PlanTask {
                number: number.to_string(),
                group: group.to_string(),
                text: text.to_string(),
                lead: owned(lead),
                partners: owned(partners),
                output: output.to_string(),
                evidence: owned(evidence),
                status,
                reason,
            }
        })
        .collect()
}
